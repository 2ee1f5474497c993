import type { CalendarDate } from '../deadlines/index.js';
import type { Vertrouwelijkheidaanduiding, VersionStatus } from './enums.js';
import type { VersionInput } from './schemas.js';

type Item<List> = List extends (infer Element)[] ? Omit<Element, 'id'> & { id: string } : never;

export type Statustype = Item<VersionInput['statustypen']>;
export type Resultaattype = Item<VersionInput['resultaattypen']>;
export type Roltype = Item<VersionInput['roltypen']>;
export type Eigenschap = Item<VersionInput['eigenschappen']>;
export type Informatieobjecttype = Item<VersionInput['informatieobjecttypen']>;

/** What a beheerder edits in a concept, with the versiedatum filled in. */
export type VersionContent = Omit<VersionInput, 'versiedatum'> & { versiedatum: CalendarDate };

/** One version of a zaaktype as the rest of the platform sees it. Statustypen are sorted by volgnummer. */
export interface ZaaktypeVersion extends Omit<
  VersionContent,
  'statustypen' | 'resultaattypen' | 'roltypen' | 'eigenschappen' | 'informatieobjecttypen'
> {
  id: string;
  identificatie: string;
  versie: number;
  status: VersionStatus;
  statustypen: Statustype[];
  resultaattypen: Resultaattype[];
  roltypen: Roltype[];
  eigenschappen: Eigenschap[];
  informatieobjecttypen: Informatieobjecttype[];
  createdBy: string | null;
  updatedBy: string | null;
  publishedBy: string | null;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
}

export interface VersionSummary {
  versie: number;
  status: VersionStatus;
  omschrijving: string;
  versiedatum: CalendarDate;
  beginGeldigheid: CalendarDate | null;
  eindeGeldigheid: CalendarDate | null;
}

export interface ZaaktypeSummary {
  identificatie: string;
  versies: VersionSummary[];
}

export interface ZaaktypeAuthorisation {
  groep: string;
  zaaktypeIdentificatie: string;
  maxVertrouwelijkheidaanduiding: Vertrouwelijkheidaanduiding;
}

/**
 * Who did it, for the version's created/updated/published by and the audit trail. The auth
 * module's Principal fits as it is.
 */
export interface Actor {
  username: string;
  /** Account id or service client id, when known. */
  id?: string;
  kind?: 'user' | 'service';
}

/**
 * Reads which statustypen and resultaattypen a deployed process model uses (e.g. the
 * `statustype` / `resultaattype` headers of zaak.status and zaak.resultaat tasks). Wired by the app.
 */
export type ProcessModelCheck = (
  bpmnProcessId: string,
  version: number,
) => Promise<{ statustypen: string[]; resultaattypen: string[] }>;

/** A change to the catalogue, for the audit trail; called inside the change's transaction. */
export interface CatalogusChange {
  /** `close`: publishing a successor ended this published version's validity. */
  action: 'create' | 'update' | 'copy' | 'publish' | 'close' | 'delete';
  identificatie: string;
  versie: number;
  actor: Actor | null;
  oldValue: ZaaktypeVersion | null;
  newValue: ZaaktypeVersion | null;
}
