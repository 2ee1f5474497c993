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

export function toTaakRow(taak: Taak): TaakRow {
  const zaak = taak.variables.zaak ?? {};
  return {
    taak,
    naam: taak.name,
    zaakId: taak.zaakId ?? zaak.id ?? null,
    zaaknummer: zaak.identificatie ?? '',
    zaakomschrijving: zaak.omschrijving ?? '',
    zaaktype: zaak.zaaktype ?? '',
    creatiedatum: taak.createdAt,
    fataleDatum: taak.dueDate ?? zaak.uiterlijkeEinddatumAfdoening ?? null,
    groep: taak.candidateGroups.join(', '),
    behandelaar: taak.assignee ?? '',
  };
}

export const taakSortFields = [
  'naam',
  'zaaknummer',
  'zaaktype',
  'creatiedatum',
  'fataleDatum',
  'behandelaar',
] as const;
export type TaakSortField = (typeof taakSortFields)[number];

function isSortField(value: string): value is TaakSortField {
  return (taakSortFields as readonly string[]).includes(value);
}

/** Deadlines first by default; rows without a date go last. */
export function sortTaakRows(rows: TaakRow[], sort: string | null): TaakRow[] {
  const descending = sort?.startsWith('-') ?? false;
  const requested = sort?.replace(/^-/, '') ?? '';
  const field: TaakSortField = isSortField(requested) ? requested : 'fataleDatum';
  const sign = descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    const left = a[field];
    const right = b[field];
    if (!left && right) return 1;
    if (left && !right) return -1;
    return sign * (left ?? '').localeCompare(right ?? '', 'nl', { numeric: true });
  });
}

/** Free-text filter over naam, zaaknummer, omschrijving, zaaktype, groep and behandelaar. */
export function filterTaakRows(rows: TaakRow[], text: string | null): TaakRow[] {
  const needle = text?.trim().toLowerCase();
  if (!needle) return rows;
  return rows.filter((row) =>
    [row.naam, row.zaaknummer, row.zaakomschrijving, row.zaaktype, row.groep, row.behandelaar]
      .join(' ')
      .toLowerCase()
      .includes(needle),
  );
}
