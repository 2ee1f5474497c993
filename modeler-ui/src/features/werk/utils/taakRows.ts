import { toCsv } from '../../../lib/csv';
import type { Taak } from '../api/types';

/** The columns of a task row, taken from the task and the zaak data the process carries. */
export interface TaakRow {
  taak: Taak;
  naam: string;
  zaakId: string | null;
  zaaknummer: string;
  zaakomschrijving: string;
  zaaktype: string;
  creatiedatum: string;
  fataleDatum: string | null;
  groep: string;
  behandelaar: string;
}

/** The zaak from the register when the server joined it, else the snapshot in the variables. */
export function toTaakRow(taak: Taak): TaakRow {
  const snapshot = taak.variables.zaak ?? {};
  const zaak = taak.zaak ?? snapshot;
  return {
    taak,
    naam: taak.name,
    zaakId: taak.zaakId ?? snapshot.id ?? null,
    zaaknummer: zaak.identificatie ?? '',
    zaakomschrijving: zaak.omschrijving ?? '',
    zaaktype: zaak.zaaktype ?? '',
    creatiedatum: taak.createdAt,
    fataleDatum: taak.dueDate ?? zaak.uiterlijkeEinddatumAfdoening ?? null,
    groep: taak.candidateGroups.join(', '),
    behandelaar: taak.assignee ?? '',
  };
}

/** The werkvoorraad as a CSV download: the columns of the table. */
export function taakRowsCsv(rows: TaakRow[]): string {
  return toCsv(
    [
      'Taak',
      'Zaaknummer',
      'Omschrijving',
      'Zaaktype',
      'Creatiedatum',
      'Fatale datum',
      'Groep',
      'Behandelaar',
    ],
    rows.map((row) => [
      row.naam,
      row.zaaknummer,
      row.zaakomschrijving,
      row.zaaktype,
      row.creatiedatum.slice(0, 10),
      row.fataleDatum?.slice(0, 10) ?? null,
      row.groep,
      row.behandelaar,
    ]),
  );
}
