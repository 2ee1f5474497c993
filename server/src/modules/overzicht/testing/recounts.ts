import type { Database } from '../../../db/database.js';

/**
 * The Overzicht's figures recounted in plain SQL on a server's database, written apart from the
 * module's own queries: what the seeded e2e test and the browser test compare the dashboard with.
 */
export interface OverzichtScope {
  van: string;
  tot: string;
  zaaktype?: string;
  groep?: string;
  behandelaar?: string;
}

/** The dates the dashboard resolved its filter to (its answer's `filter`). */
export interface RecountFilter {
  vandaag: string;
  risicoGrens: string;
}

/** Rows of a plain SQL statement on the server's database. */
export async function rowsOf<T>(
  db: Database,
  sql: string,
  bindings: readonly unknown[] | Record<string, unknown> = [],
): Promise<T[]> {
  const result = await db.raw<{ rows: T[] }>(sql, bindings as never);
  return result.rows;
}

/** Per user-task element of a zaaktype's process: how many open tasks wait there. */
export async function recountWaitingTasks(
  db: Database,
  zaaktype: string,
): Promise<Map<string, number>> {
  const rows = await rowsOf<{ element_id: string; n: number }>(
    db,
    `select t.element_id, count(*)::int as n
       from taken t join zaken z on t.zaak_id = z.id::text
      where t.state = 'open' and z.zaaktype_identificatie = ?
      group by t.element_id`,
    [zaaktype],
  );
  return new Map(rows.map((row) => [row.element_id, row.n]));
}

/** The figures recounted: plain SQL over zaken, zaak_statussen, zaak_opschortingen and taken. */
export async function recountOverzicht(db: Database, scope: OverzichtScope, filter: RecountFilter) {
  const { van, tot } = scope;
  const { vandaag, risicoGrens } = filter;
  const inScope = `
    with scope as (
      select z.* from zaken z
       where (cast(:zaaktype as text) is null or z.zaaktype_identificatie = :zaaktype)
         and (cast(:groep as text) is null or exists (
               select 1 from taken t where t.zaak_id = z.id::text and :groep = any(t.candidate_groups)))
         and (cast(:behandelaar as text) is null
              or exists (select 1 from taken t where t.zaak_id = z.id::text and t.assignee = :behandelaar)
              or exists (select 1 from zaak_rollen r where r.zaak_id = z.id
                          and r.medewerker_username = :behandelaar and r.omschrijving_generiek = 'behandelaar')))`;
  const bindings = {
    van,
    tot,
    vandaag,
    risicoGrens,
    zaaktype: scope.zaaktype ?? null,
    groep: scope.groep ?? null,
    behandelaar: scope.behandelaar ?? null,
  };
  const select = async <T>(sql: string) =>
    (await rowsOf<T>(db, `${inScope} ${sql}`, bindings)).map(
      (row) =>
        Object.fromEntries(
          Object.entries(row as object).map(([k, v]) => [
            k,
            typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v,
          ]),
        ) as T,
    );
  const count = async (where: string) =>
    (await select<{ n: number }>(`select count(*)::int as n from scope where ${where}`))[0]!.n;

  const closedInPeriod = `einddatum >= :van and einddatum <= :tot`;
  const afgesloten = await count(closedInPeriod);
  const metNorm = await count(`${closedInPeriod} and einddatum_gepland is not null`);
  const binnenNorm = await count(`${closedInPeriod} and einddatum_gepland >= einddatum`);
  const binnenTermijn = await count(
    `${closedInPeriod} and uiterlijke_einddatum_afdoening >= einddatum`,
  );
  const durations = (
    await select<{ dagen: number; norm: number }>(
      `select einddatum - startdatum as dagen, uiterlijke_einddatum_afdoening - startdatum as norm
         from scope where ${closedInPeriod} order by 1`,
    )
  ).map((row) => ({ dagen: Number(row.dagen), norm: Number(row.norm) }));
  const opschortingen = (
    await select<{ n: number }>(
      `select count(*)::int as n from zaak_opschortingen o
        where o.van >= :van and o.van <= :tot and o.zaak_id in (select id from scope)`,
    )
  )[0]!.n;

  const kpis = {
    openZaken: await count('einddatum is null'),
    gestart: await count('registratiedatum >= :van and registratiedatum <= :tot'),
    afgesloten,
    binnenServicenormPct: percentage(binnenNorm, metNorm),
    binnenWettelijkeTermijnPct: percentage(binnenTermijn, afgesloten),
    teLaat: await count('einddatum is null and uiterlijke_einddatum_afdoening < :vandaag'),
    inGevaar: await count(
      'einddatum is null and uiterlijke_einddatum_afdoening >= :vandaag and uiterlijke_einddatum_afdoening < :risicoGrens',
    ),
    doorlooptijd: {
      gemiddeldDagen: oneDecimal(mean(durations.map((d) => d.dagen))),
      p90Dagen: oneDecimal(percentile90(durations.map((d) => d.dagen))),
      normDagen: oneDecimal(mean(durations.map((d) => d.norm))),
    },
    opschortingen,
    verlengingen: await count('verlenging_datum >= :van and verlenging_datum <= :tot'),
    openIncidenten: 0,
  };

  // Monday of the week: the date minus (ISO weekday - 1) days.
  const monday = (column: string) =>
    `to_char(${column} - (extract(isodow from ${column})::int - 1), 'YYYY-MM-DD')`;
  const perWeek = async (column: string) =>
    new Map(
      (
        await select<{ week: string; n: number }>(
          `select ${monday(column)} as week, count(*)::int as n from scope
            where ${column} >= :van and ${column} <= :tot group by 1`,
        )
      ).map((row) => [row.week, row.n]),
    );
  const started = await perWeek('registratiedatum');
  const closed = await perWeek('einddatum');
  const weeks: string[] = [];
  for (let day = new Date(`${van}T12:00:00Z`); ; day.setUTCDate(day.getUTCDate() + 1)) {
    const date = day.toISOString().slice(0, 10);
    if (date > tot) break;
    if (day.getUTCDay() === 1 || date === van) weeks.push(mondayOf(date));
  }
  const bins = new Map<number, number>();
  for (const { dagen } of durations) {
    const bin = Math.min(Math.floor(dagen / 7), 12);
    bins.set(bin, (bins.get(bin) ?? 0) + 1);
  }
  const openTasks = `from taken t join scope z on t.zaak_id = z.id::text
                     where t.state = 'open' and z.einddatum is null`;
  const perTeam = await select<{ groep: string; aantal: number }>(
    `select g as groep, count(*)::int as aantal ${openTasks.replace('where', ', unnest(t.candidate_groups) g where')} group by g`,
  );
  const perBehandelaar = await select<{ behandelaar: string | null; aantal: number }>(
    `select t.assignee as behandelaar, count(*)::int as aantal ${openTasks} group by t.assignee`,
  );
  const perStatus = await select<{
    status: string | null;
    volgnummer: number | null;
    aantal: number;
  }>(
    `select l.status, min(l.volgnummer) as volgnummer, count(*)::int as aantal
       from scope z left join lateral (
         select s.statustype_omschrijving as status, s.statustype_volgnummer as volgnummer
           from zaak_statussen s where s.zaak_id = z.id order by s.id desc limit 1) l on true
      where z.einddatum is null group by l.status`,
  );
  const reeksen = {
    instroomUitstroom: weeks.map((week) => ({
      week,
      gestart: started.get(week) ?? 0,
      afgesloten: closed.get(week) ?? 0,
    })),
    doorlooptijdVerdeling: [...bins]
      .sort(([x], [y]) => x - y)
      .map(([vanafWeken, aantal]) => ({ vanafWeken, aantal })),
    werkPerTeam: perTeam.sort(mostFirst((row) => row.groep)),
    werkPerBehandelaar: perBehandelaar.sort(mostFirst((row) => row.behandelaar)),
    perStatus: perStatus.sort(statusOrder).map(({ status, aantal }) => ({ status, aantal })),
  };
  return { kpis, reeksen };
}

function percentage(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((1000 * part) / whole) / 10;
}
function mean(values: number[]): number | null {
  return values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;
}
/** The 90th percentile, interpolated between the two nearest ranks. */
function percentile90(sorted: number[]): number | null {
  if (sorted.length === 0) return null;
  const rank = 0.9 * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.min(low + 1, sorted.length - 1);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (rank - low);
}
function oneDecimal(value: number | null): number | null {
  return value === null ? null : Math.round(value * 10) / 10;
}
function mondayOf(date: string): string {
  const day = new Date(`${date}T12:00:00Z`);
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  return day.toISOString().slice(0, 10);
}
/** Most first, then by name with nobody (null) last. */
function mostFirst<T extends { aantal: number }>(name: (row: T) => string | null) {
  return (x: T, y: T) =>
    y.aantal - x.aantal ||
    Number(name(x) === null) - Number(name(y) === null) ||
    (name(x) ?? '').localeCompare(name(y) ?? '');
}
/** In the order of the statustypen's volgnummer, a zaak without status first. */
function statusOrder(
  x: { status: string | null; volgnummer: number | null },
  y: { status: string | null; volgnummer: number | null },
): number {
  const rank = (row: { volgnummer: number | null }) =>
    row.volgnummer === null ? -1 : Number(row.volgnummer);
  return rank(x) - rank(y) || (x.status ?? '').localeCompare(y.status ?? '');
}
