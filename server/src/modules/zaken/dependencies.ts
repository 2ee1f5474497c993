import type { Knex } from 'knex';
import type { AuditContext } from '../auth/index.js';
import type { Vertrouwelijkheidaanduiding, ZaaktypeVersion } from '../catalogus/index.js';
import type { CalendarDate, DeadlineCalculator } from '../deadlines/index.js';
import type { ZaakActor, ZaakDetail } from './types.js';

/** The catalogue as the zaken module uses it; CatalogusService fits. */
export interface ZaaktypeCatalogus {
  getValidVersion(
    identificatie: string,
    peildatum?: CalendarDate,
    db?: Knex,
  ): Promise<ZaaktypeVersion>;
  getVersion(identificatie: string, versie: number): Promise<ZaaktypeVersion>;
}

/** Zaaktype authorisations; AuthorisationService fits. */
export interface ZaakAuthorisation {
  mayView(
    groups: string[],
    identificatie: string,
    vertrouwelijkheidaanduiding: Vertrouwelijkheidaanduiding,
    db?: Knex,
  ): Promise<boolean>;
}

/** The working-day calendar; CalendarService fits. */
export interface DeadlineCalendar {
  deadlineCalculator(db?: Knex): Promise<DeadlineCalculator>;
}

export interface ZaakServiceOptions {
  db: Knex;
  catalogus: ZaaktypeCatalogus;
  authorisation: ZaakAuthorisation;
  calendar: DeadlineCalendar;
  /** Today in the Netherlands; injected so tests can move time. */
  today?: () => CalendarDate;
  /** RSIN used when a request names no bronorganisatie. */
  bronorganisatie?: string;
  /** Called once a new zaak has committed (e.g. to send the citizen their status link); must not throw. */
  onCreated?: (zaak: ZaakDetail, caller: Caller) => Promise<void>;
}

/** Who calls, and the audit context of the request. */
export interface Caller {
  actor: ZaakActor;
  audit: AuditContext;
}
