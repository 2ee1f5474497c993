import type { Knex } from 'knex';
import { scopedZaken, type OverzichtFilter, type VisibleZaaktypen } from './filters.js';

export interface TermijnZaak {
  id: string;
  identificatie: string;
  omschrijving: string;
  zaaktype: string;
  status: string | null;
  einddatumGepland: string | null;
  uiterlijkeEinddatumAfdoening: string;
  stand: 'te_laat' | 'in_gevaar';
  /** Who holds its open tasks now (empty: nobody has picked them up). */
  behandelaars: string[];
}

/** The list holds the most urgent zaken only, at most this many. */
export const DEADLINE_LIST_LIMIT = 500;

/**
 * Open zaken past or near their fatale datum, the most urgent first (at most
 * DEADLINE_LIST_LIMIT), and how many there are in all.
 */
export async function loadDeadlineList(
  db: Knex,
  filter: OverzichtFilter,
  visible: VisibleZaaktypen,
): Promise<{ zaken: TermijnZaak[]; totaal: number }> {
  const urgent = () =>
    scopedZaken(db, filter, visible)
      .whereNull('z.einddatum')
      .where('z.uiterlijke_einddatum_afdoening', '<', filter.risicoGrens);
  const [rows, counted] = await Promise.all([
    urgent()
      .select(
        'z.id',
        'z.identificatie',
        'z.omschrijving',
        'z.zaaktype_identificatie',
        'z.status_omschrijving',
        db.raw('z.einddatum_gepland::text as einddatum_gepland'),
        db.raw('z.uiterlijke_einddatum_afdoening::text as fatale_datum'),
        db.raw(
          `coalesce((select array_agg(distinct t.assignee order by t.assignee) from taken t
                     where t.zaak_id = z.id::text and t.state = 'open' and t.assignee is not null), '{}') as behandelaars`,
        ),
      )
      .orderBy([{ column: 'z.uiterlijke_einddatum_afdoening' }, { column: 'z.identificatie' }])
      .limit(DEADLINE_LIST_LIMIT) as Promise<Array<Record<string, unknown>>>,
    urgent().count<{ aantal: string | number }[]>({ aantal: '*' }),
  ]);
  return {
    zaken: rows.map((row) => toTermijnZaak(row, filter)),
    totaal: Number(counted[0]?.aantal ?? 0),
  };
}

function toTermijnZaak(row: Record<string, unknown>, filter: OverzichtFilter): TermijnZaak {
  return {
    id: String(row.id),
    identificatie: String(row.identificatie),
    omschrijving: String(row.omschrijving),
    zaaktype: String(row.zaaktype_identificatie),
    status: (row.status_omschrijving as string | null) ?? null,
    einddatumGepland: (row.einddatum_gepland as string | null) ?? null,
    uiterlijkeEinddatumAfdoening: String(row.fatale_datum),
    stand: String(row.fatale_datum) < filter.vandaag ? 'te_laat' : 'in_gevaar',
    behandelaars: (row.behandelaars as string[] | null) ?? [],
  };
}
