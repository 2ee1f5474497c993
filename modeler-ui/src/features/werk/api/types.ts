/** Shapes as `/api/openapi.json` describes them. */
import type { FormSchema } from '../utils/taakForm';

export interface ZaakStatus {
  statustype: string;
  volgnummer: number;
}

export interface Zaak {
  id: string;
  identificatie: string;
  bronorganisatie: string;
  zaaktype: { identificatie: string; versie: number };
  omschrijving: string;
  toelichting: string | null;
  registratiedatum: string;
  startdatum: string;
  einddatumGepland: string | null;
  uiterlijkeEinddatumAfdoening: string;
  einddatum: string | null;
  vertrouwelijkheidaanduiding: string;
  status: ZaakStatus | null;
  opschorting: { indicatie: boolean; reden: string | null };
  verlenging: { duur: string; reden: string; datum: string } | null;
  hoofdzaak: string | null;
  processInstanceKey: string | null;
  createdBy: string;
  /** A beheerder's test run (Beheer → Publiceren): counts in no register or figure. */
  proefrun: boolean;
}

export interface ZaakRol {
  id: string;
  roltype: string;
  omschrijvingGeneriek: string;
  betrokkene: {
    type: 'natuurlijk_persoon' | 'niet_natuurlijk_persoon' | 'medewerker';
    bsn?: string;
    kvkNummer?: string;
    username?: string;
    naam?: string;
    email?: string;
  };
  toelichting: string | null;
}

export interface ZaakDetail extends Zaak {
  statussen: Array<
    ZaakStatus & { datumStatusGezet: string; toelichting: string | null; gezetDoor: string }
  >;
  resultaat: { resultaattype: string; toelichting: string | null; gezetDoor: string } | null;
  rollen: ZaakRol[];
  opschortingen: Array<{ van: string; tot: string | null; reden: string }>;
  eigenschappen: Array<{ naam: string; waarde: string }>;
}

/** An eigenschap of the zaaktype with its waarde on one zaak (null when not set). */
export interface ZaakEigenschap {
  naam: string;
  definitie: string;
  formaat: 'tekst' | 'getal' | 'datum' | 'datum_tijd';
  waarde: string | null;
}

export interface ZakenPage {
  zaken: Zaak[];
  total: number;
  page: number;
  pageSize: number;
}

export interface AuditEntry {
  id: string;
  at: string;
  actor: { type: 'user' | 'service' | 'system'; id: string | null; name: string };
  action: string;
  resourceType: string;
  resourceId: string;
  zaakId: string | null;
  oldValue: unknown;
  newValue: unknown;
  requestId: string | null;
  remark: string | null;
}

export interface ZaakNotitie {
  id: string;
  tekst: string;
  auteur: string;
  createdAt: string;
}

export type TaakState = 'open' | 'claimed' | 'completed' | 'cancelled';
export type TakenScope = 'mine' | 'group' | 'all';

/** The zaak data the process carries in its variables (set when the zaak started). */
export interface TaakZaakVariables {
  id?: string;
  identificatie?: string;
  zaaktype?: string;
  omschrijving?: string;
  uiterlijkeEinddatumAfdoening?: string;
  einddatumGepland?: string | null;
}

export interface Taak {
  id: string;
  jobKey: string;
  name: string;
  elementId: string;
  bpmnProcessId: string;
  processInstanceKey: string;
  zaakId: string | null;
  state: TaakState;
  assignee: string | null;
  candidateGroups: string[];
  candidateUsers: string[];
  dueDate: string | null;
  followUpDate: string | null;
  formKey: string | null;
  variables: Record<string, unknown> & { zaak?: TaakZaakVariables };
  draft: Record<string, unknown> | null;
  createdAt: string;
  updatedAt: string;
  claimedAt: string | null;
  endedAt: string | null;
  endedBy: string | null;
  /** One task (GET /api/taken/:id): the form-js schema of its form, null when it has none. */
  formSchema?: FormSchema | null;
  /** In lists: the zaak as the zaken register has it now. */
  zaak?: TaakZaak | null;
}

export interface TaakZaak {
  identificatie: string;
  omschrijving: string;
  zaaktype: string;
  uiterlijkeEinddatumAfdoening: string | null;
}

export interface Medewerker {
  username: string;
  displayName: string;
  groups: string[];
}

export interface TakenPage {
  taken: Taak[];
  total: number;
  limit: number;
  offset: number;
}

export interface ZaaktypeVersie {
  identificatie: string;
  versie: number;
  omschrijving: string;
  opschortingEnAanhoudingMogelijk: boolean;
  verlengingMogelijk: boolean;
  verlengingstermijn: string | null;
  bpmnProcessId: string | null;
  processDefinitionKey: string | null;
  forms: Record<string, unknown>;
  statustypen: Array<{ id: string; volgnummer: number; omschrijving: string }>;
  resultaattypen: Array<{ id: string; omschrijving: string }>;
  informatieobjecttypen: Array<{ omschrijving: string; vertrouwelijkheidaanduiding: string }>;
}
