import type { Knex } from 'knex';
import { scopedZaken, type OverzichtFilter, type VisibleZaaktypen } from './filters.js';

export interface OverzichtKpis {
  openZaken: number;
  gestart: number;
  afgesloten: number;
  /** Of the zaken closed in the period (with a servicenorm), the share closed on or before it; null when none. */
  binnenServicenormPct: number | null;
  binnenWettelijkeTermijnPct: number | null;
  teLaat: number;
  inGevaar: number;
  doorlooptijd: {
    gemiddeldDagen: number | null;
    p90Dagen: number | null;
    normDagen: number | null;
  };
  opschortingen: number;
  verlengingen: number;
}

const pct = (part: number, whole: number) =>
  whole === 0 ? null : Math.round((1000 * part) / whole) / 10;
const days = (value: unknown) =>
  value === null || value === undefined ? null : Math.round(Number(value) * 10) / 10;

/** The headline figures, one SQL statement over the zaken in scope. */
export async function loadKpis(
  db: Knex,
  filter: OverzichtFilter,
  visible: VisibleZaaktypen,
): Promise<OverzichtKpis> {
  const closed = 'z.einddatum between :van and :tot';
  const sql = `
    count(*) filter (where z.einddatum is null)::int as open_zaken,
    count(*) filter (where z.registratiedatum between :van and :tot)::int as gestart,
    count(*) filter (where ${closed})::int as afgesloten,
    count(*) filter (where ${closed} and z.einddatum_gepland is not null)::int as met_norm,
    count(*) filter (where ${closed} and z.einddatum <= z.einddatum_gepland)::int as binnen_norm,
    count(*) filter (where ${closed} and z.einddatum <= z.uiterlijke_einddatum_afdoening)::int as binnen_termijn,
    count(*) filter (where z.einddatum is null and z.uiterlijke_einddatum_afdoening < :vandaag)::int as te_laat,
    count(*) filter (where z.einddatum is null and z.uiterlijke_einddatum_afdoening >= :vandaag
                       and z.uiterlijke_einddatum_afdoening < :risicoGrens)::int as in_gevaar,
    avg(z.einddatum - z.startdatum) filter (where ${closed}) as gemiddeld,
    percentile_cont(0.9) within group (order by z.einddatum - z.startdatum) filter (where ${closed}) as p90,
    avg(z.uiterlijke_einddatum_afdoening - z.startdatum) filter (where ${closed}) as norm,
    count(*) filter (where z.verlenging_datum between :van and :tot)::int as verlengingen`;
  const suspensions: Promise<{ opschortingen: number } | undefined> = db('zaak_opschortingen as o')
    .whereBetween('o.van', [filter.van, filter.tot])
    .whereIn('o.zaak_id', scopedZaken(db, filter, visible).select('z.id'))
    .first(db.raw('count(*)::int as opschortingen'))
    .then((found: { opschortingen: number } | undefined) => found);
  const figures: Promise<Record<string, unknown>> = scopedZaken(db, filter, visible)
    .select(
      db.raw(sql, {
        van: filter.van,
        tot: filter.tot,
        vandaag: filter.vandaag,
        risicoGrens: filter.risicoGrens,
      }),
    )
    .first()
    .then((found: Record<string, unknown>) => found);
  const [row, suspended] = await Promise.all([figures, suspensions]);
  const n = (column: string) => Number(row[column] ?? 0);
  return {
    openZaken: n('open_zaken'),
    gestart: n('gestart'),
    afgesloten: n('afgesloten'),
    binnenServicenormPct: pct(n('binnen_norm'), n('met_norm')),
    binnenWettelijkeTermijnPct: pct(n('binnen_termijn'), n('afgesloten')),
    teLaat: n('te_laat'),
    inGevaar: n('in_gevaar'),
    doorlooptijd: {
      gemiddeldDagen: days(row.gemiddeld),
      p90Dagen: days(row.p90),
      normDagen: days(row.norm),
    },
    opschortingen: Number(suspended?.opschortingen ?? 0),
    verlengingen: n('verlengingen'),
  };
}
