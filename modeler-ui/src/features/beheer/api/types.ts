/** Shapes of the catalogue API (`/api/catalogus/zaaktypen`), as the server's OpenAPI document describes them. */

export type VersionStatus = 'concept' | 'published';

export interface Statustype {
  id?: string;
  volgnummer: number;
  omschrijving: string;
  statustekst: string;
  informeren: boolean;
}

export interface Resultaattype {
  id?: string;
  omschrijving: string;
  archiefnominatie: 'blijvend_bewaren' | 'vernietigen';
  archiefactietermijn: string;
  brondatumArchiefprocedure: { afleidingswijze: string; procestermijn: string | null };
}

export interface Roltype {
  id?: string;
  omschrijving: string;
  omschrijvingGeneriek: string;
}

/** What a beheerder edits in a concept (the PUT body). */
export interface VersionContent {
  omschrijving: string;
  doel: string;
  aanleiding: string;
  onderwerp: string;
  indicatieInternOfExtern: 'intern' | 'extern';
  handelingInitiator: string;
  handelingBehandelaar: string;
  doorlooptijd: string;
  servicenorm: string | null;
  opschortingEnAanhoudingMogelijk: boolean;
  verlengingMogelijk: boolean;
  verlengingstermijn: string | null;
  vertrouwelijkheidaanduiding: string;
  trefwoorden: string[];
  versiedatum?: string;
  beginGeldigheid: string | null;
  eindeGeldigheid: string | null;
  bpmnProcessId: string | null;
  processVersion: number | null;
  processDefinitionKey: string | null;
  forms: Record<string, unknown>;
  statustypen: Statustype[];
  resultaattypen: Resultaattype[];
  roltypen: Roltype[];
  eigenschappen: unknown[];
  informatieobjecttypen: unknown[];
}

export interface ZaaktypeVersion extends VersionContent {
  id: string;
  identificatie: string;
  versie: number;
  status: VersionStatus;
  versiedatum: string;
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
  versiedatum: string;
  beginGeldigheid: string | null;
  eindeGeldigheid: string | null;
}

export interface ZaaktypeSummary {
  identificatie: string;
  versies: VersionSummary[];
}

export const VERTROUWELIJKHEIDAANDUIDINGEN = [
  'openbaar',
  'beperkt_openbaar',
  'intern',
  'zaakvertrouwelijk',
  'vertrouwelijk',
  'confidentieel',
  'geheim',
  'zeer_geheim',
] as const;

export const ARCHIEFNOMINATIES = ['blijvend_bewaren', 'vernietigen'] as const;

export const AFLEIDINGSWIJZEN = [
  'afgehandeld',
  'ander_datumkenmerk',
  'eigenschap',
  'gerelateerde_zaak',
  'hoofdzaak',
  'ingangsdatum_besluit',
  'termijn',
  'vervaldatum_besluit',
  'zaakobject',
] as const;

export const ROLTYPE_OMSCHRIJVINGEN_GENERIEK = [
  'adviseur',
  'behandelaar',
  'belanghebbende',
  'beslisser',
  'initiator',
  'klantcontacter',
  'zaakcoordinator',
  'mede_initiator',
] as const;
