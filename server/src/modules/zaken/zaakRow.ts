import type { Vertrouwelijkheidaanduiding } from '../catalogus/index.js';
import type { Betalingsindicatie, Zaak } from './types.js';

/** A row of `zaken` with its dates read as text. */
export interface ZaakRow {
  id: string;
  identificatie: string;
  bronorganisatie: string;
  zaaktype_identificatie: string;
  zaaktype_versie: number;
  omschrijving: string;
  toelichting: string | null;
  registratiedatum: string;
  startdatum: string;
  einddatum_gepland: string | null;
  uiterlijke_einddatum_afdoening: string;
  einddatum: string | null;
  vertrouwelijkheidaanduiding: Vertrouwelijkheidaanduiding;
  status_omschrijving: string | null;
  status_volgnummer: number | null;
  opschorting_indicatie: boolean;
  opschorting_reden: string | null;
  verlenging_duur: string | null;
  verlenging_reden: string | null;
  verlenging_datum: string | null;
  archiefnominatie: string | null;
  archiefactiedatum: string | null;
  hoofdzaak_id: string | null;
  betalingsindicatie: Betalingsindicatie;
  process_instance_key: string | null;
  created_by: string;
  /** A beheerder's test run: left out of every list and figure (see proefrun.ts). */
  proefrun: boolean;
  proefrun_gestart_door: string | null;
}

export const DATE_COLUMNS = [
  'registratiedatum',
  'startdatum',
  'einddatum_gepland',
  'uiterlijke_einddatum_afdoening',
  'einddatum',
  'verlenging_datum',
  'archiefactiedatum',
] as const;

export function toZaak(row: ZaakRow): Zaak {
  return {
    id: row.id,
    identificatie: row.identificatie,
    bronorganisatie: row.bronorganisatie,
    zaaktype: { identificatie: row.zaaktype_identificatie, versie: row.zaaktype_versie },
    omschrijving: row.omschrijving,
    toelichting: row.toelichting,
    registratiedatum: row.registratiedatum,
    startdatum: row.startdatum,
    einddatumGepland: row.einddatum_gepland,
    uiterlijkeEinddatumAfdoening: row.uiterlijke_einddatum_afdoening,
    einddatum: row.einddatum,
    vertrouwelijkheidaanduiding: row.vertrouwelijkheidaanduiding,
    status:
      row.status_omschrijving === null || row.status_volgnummer === null
        ? null
        : { statustype: row.status_omschrijving, volgnummer: row.status_volgnummer },
    opschorting: { indicatie: row.opschorting_indicatie, reden: row.opschorting_reden },
    verlenging:
      row.verlenging_duur && row.verlenging_reden && row.verlenging_datum
        ? { duur: row.verlenging_duur, reden: row.verlenging_reden, datum: row.verlenging_datum }
        : null,
    archiefnominatie: row.archiefnominatie,
    archiefactiedatum: row.archiefactiedatum,
    hoofdzaak: row.hoofdzaak_id,
    betalingsindicatie: row.betalingsindicatie,
    processInstanceKey: row.process_instance_key,
    createdBy: row.created_by,
    proefrun: row.proefrun,
    proefrunGestartDoor: row.proefrun_gestart_door,
  };
}
