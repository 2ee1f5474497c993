import type { Eigenschap, Vertrouwelijkheidaanduiding } from '../catalogus/index.js';
import type { CalendarDate } from '../deadlines/index.js';

export type Betalingsindicatie = 'nvt' | 'nog_niet' | 'gedeeltelijk' | 'geheel';

/** Who a rol is about: a citizen (BSN), an organisation (KvK number) or an employee. */
export type Betrokkene =
  | {
      type: 'natuurlijk_persoon';
      bsn: string;
      naam?: string | undefined;
      email?: string | undefined;
    }
  | {
      type: 'niet_natuurlijk_persoon';
      kvkNummer: string;
      naam?: string | undefined;
      email?: string | undefined;
    }
  | { type: 'medewerker'; username: string; naam?: string | undefined; email?: string | undefined };

export interface ZaakStatus {
  statustype: string;
  volgnummer: number;
  datumStatusGezet: string;
  toelichting: string | null;
  gezetDoor: string;
}

export interface ZaakResultaat {
  resultaattype: string;
  toelichting: string | null;
  gezetDoor: string;
}

export interface ZaakRol {
  id: string;
  roltype: string;
  omschrijvingGeneriek: string;
  betrokkene: Betrokkene;
  toelichting: string | null;
}

export interface ZaakNotitie {
  id: string;
  tekst: string;
  auteur: string;
  createdAt: string;
}

/** A value of one of the zaaktype's eigenschappen, as text (ZGW): getal, datum, … per formaat. */
export interface ZaakEigenschap {
  naam: string;
  waarde: string;
}

/** An eigenschap of the zaaktype (naam, definitie, formaat) with its waarde on one zaak, or null. */
export type ZaakEigenschapView = Pick<Eigenschap, 'naam' | 'definitie' | 'formaat'> & {
  waarde: string | null;
};

export interface OpschortingPeriode {
  van: CalendarDate;
  tot: CalendarDate | null;
  reden: string;
}

/** A zaak as the API shows it (RGBZ / ZGW names). */
export interface Zaak {
  id: string;
  identificatie: string;
  bronorganisatie: string;
  zaaktype: { identificatie: string; versie: number };
  omschrijving: string;
  toelichting: string | null;
  registratiedatum: CalendarDate;
  startdatum: CalendarDate;
  einddatumGepland: CalendarDate | null;
  uiterlijkeEinddatumAfdoening: CalendarDate;
  einddatum: CalendarDate | null;
  vertrouwelijkheidaanduiding: Vertrouwelijkheidaanduiding;
  status: { statustype: string; volgnummer: number } | null;
  opschorting: { indicatie: boolean; reden: string | null };
  verlenging: { reden: string; duur: string; datum: CalendarDate } | null;
  archiefnominatie: string | null;
  archiefactiedatum: CalendarDate | null;
  hoofdzaak: string | null;
  betalingsindicatie: Betalingsindicatie;
  processInstanceKey: string | null;
  createdBy: string;
  /** A beheerder's test run of a zaaktype version; counts in no register or figure. */
  proefrun: boolean;
  /** Who started the proefrun: the only person who sees and works it. */
  proefrunGestartDoor: string | null;
}

/** GET /api/zaken/:id and every action's answer: the zaak with its history. */
export interface ZaakDetail extends Zaak {
  statussen: ZaakStatus[];
  resultaat: ZaakResultaat | null;
  rollen: ZaakRol[];
  opschortingen: OpschortingPeriode[];
  eigenschappen: ZaakEigenschap[];
}

/** The caller as the zaken module needs it: the auth module's Principal fits. */
export interface ZaakActor {
  kind: 'user' | 'service';
  id: string;
  username: string;
  roles: readonly string[];
  groups: readonly { code: string }[];
}
