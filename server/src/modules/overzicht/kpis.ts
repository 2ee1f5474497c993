import type { Knex } from 'knex';
import { scopedZaken, type OverzichtFilter } from './filters.js';

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
  groups: readonly string[],
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
    count(*) filter (where z.verlenging_datum between :van and :tot)::int as verlengingen,
    coalesce(sum((select count(*) from zaak_opschortingen o where o.zaak_id = z.id and o.van between :van and :tot)), 0)::int as opschortingen`;
  const row = (await scopedZaken(db, filter, groups)
    .select(
      db.raw(sql, {
        van: filter.van,
        tot: filter.tot,
        vandaag: filter.vandaag,
        risicoGrens: filter.risicoGrens,
      }),
    )
    .first()) as Record<string, unknown>;
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
    opschortingen: n('opschortingen'),
    verlengingen: n('verlengingen'),
  };
}
