import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedOverzicht, type SeedTotals } from '../../bench/seedOverzicht.js';
import { ZaaktypeTestServer } from '../../platform/zaaktypen/testing/zaaktypeTestServer.js';
import type { OverzichtKpis } from './kpis.js';
import type { OverzichtReeksen } from './series.js';

/**
 * The Overzicht on data made the way production makes it: the seed script registers zaken of
 * three zaaktypen over six months of engine-clock time through the real API, does (some of) their
 * tasks late or never, suspends and extends some. Every figure the dashboard answers is then
 * recounted here in plain SQL on the server's own database, written apart from the module's queries.
 */
interface Dashboard {
  filter: { van: string; tot: string; vandaag: string; risicoGrens: string };
  kpis: OverzichtKpis & { openIncidenten: number };
  reeksen: OverzichtReeksen;
}
interface Scope {
  van: string;
  tot: string;
  zaaktype?: string;
  groep?: string;
  behandelaar?: string;
}

const START = '2031-01-05';
const ZAKEN = 120;
const DAYS = 182;

/** Rows of a plain SQL statement on the server's database. */
async function rowsOf<T>(
  db: ZaaktypeTestServer['db'],
  sql: string,
  bindings: readonly unknown[] | Record<string, unknown> = [],
): Promise<T[]> {
  const result = await db.raw<{ rows: T[] }>(sql, bindings as never);
  return result.rows;
}

describe('Overzicht on a seeded data set, checked against SQL', { timeout: 240_000 }, () => {
  const t = new ZaaktypeTestServer({
    identificatie: 'melding-openbare-ruimte',
    omschrijving: 'Melding openbare ruimte',
    behandelaar: 'behandelaar2',
    initiatorEmail: 'melder@voorbeeld.nl',
  });
  let totals: SeedTotals;

  beforeAll(async () => {
    await t.start();
    totals = await seedOverzicht({
      url: t.url,
      zaken: ZAKEN,
      days: DAYS,
      start: START,
      concurrency: 8,
    });
  }, 240_000);
  afterAll(() => t.close());

  const dashboard = async (scope: Scope): Promise<Dashboard> => {
    const query = new URLSearchParams(Object.entries(scope) as [string, string][]);
    const answer = await (
      await t.as('manager')
    )<Dashboard>('GET', `/api/overzicht?${query.toString()}`);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return answer.body;
  };

  /** Asks the dashboard until it agrees with the SQL (workers may still be closing zaken). */
  const expectAgreement = async (scope: Scope) => {
    let last: { actual: unknown; expected: unknown } = { actual: undefined, expected: null };
    try {
      await t.until(async () => {
        const answer = await dashboard(scope);
        const expected = await recount(scope, answer.filter);
        last = { actual: { kpis: answer.kpis, reeksen: answer.reeksen }, expected };
        return isDeepStrictEqual(last.actual, last.expected) ? answer : undefined;
      }, 'the dashboard to agree with SQL');
    } catch {
      expect(last.actual).toEqual(last.expected);
    }
    return dashboard(scope);
  };

  it('the seed made zaken of three zaaktypen, tasks done, opschortingen and verlengingen', async () => {
    expect(totals.zaken).toBe(ZAKEN);
    expect(Object.values(totals.perZaaktype)).toEqual([40, 40, 40]);
    const [{ count }] = await rowsOf<{ count: number }>(
      t.db,
      'select count(*)::int as count from zaken',
    );
    expect(count).toBe(ZAKEN);
    expect(totals.takenGedaan).toBeGreaterThan(ZAKEN);
    expect(totals.opschortingen).toBeGreaterThan(0);
    expect(totals.verlengingen).toBeGreaterThan(0);
  });

  it('whole half year: every KPI and series equals its SQL recount', async () => {
    const vandaag = (await dashboard({ van: START, tot: START })).filter.vandaag;
    const answer = await expectAgreement({ van: START, tot: vandaag });
    // and the data set has something in every figure
    const { kpis } = answer;
    expect(kpis.gestart).toBe(ZAKEN);
    for (const figure of [
      kpis.openZaken,
      kpis.afgesloten,
      kpis.teLaat,
      kpis.opschortingen,
      kpis.verlengingen,
    ])
      expect(figure).toBeGreaterThan(0);
    expect(kpis.binnenServicenormPct).toBeGreaterThan(0);
    expect(kpis.binnenServicenormPct).toBeLessThan(100);
    expect(kpis.binnenWettelijkeTermijnPct).toBeLessThan(100);
    expect(answer.reeksen.werkPerTeam.length).toBeGreaterThan(1);
  });

  it('a period in the middle, per zaaktype, per team and per behandelaar', async () => {
    const period = { van: '2031-03-03', tot: '2031-05-25' };
    await expectAgreement(period);
    await expectAgreement({ ...period, zaaktype: 'woo-verzoek' });
    await expectAgreement({ ...period, zaaktype: 'omgevingsvergunning' });
    await expectAgreement({ ...period, groep: 'team-openbare-ruimte' });
    await expectAgreement({ ...period, groep: 'team-vergunningen' });
    await expectAgreement({ ...period, behandelaar: 'behandelaar2' });
  });

  it('termijnen: the open zaken past or near their fatale datum, as SQL finds them', async () => {
    const manager = await t.as('manager');
    const answer = await manager<{
      filter: Dashboard['filter'];
      zaken: { identificatie: string; stand: string }[];
    }>('GET', '/api/overzicht/termijnen');
    expect(answer.status).toBe(200);
    const { vandaag, risicoGrens } = answer.body.filter;
    const rows = await rowsOf<{ identificatie: string; stand: string }>(
      t.db,
      `select identificatie,
                case when uiterlijke_einddatum_afdoening < ?::date then 'te_laat' else 'in_gevaar' end as stand
           from zaken where einddatum is null and uiterlijke_einddatum_afdoening < ?::date`,
      [vandaag, risicoGrens],
    );
    const byId = (x: { identificatie: string }, y: { identificatie: string }) =>
      x.identificatie.localeCompare(y.identificatie);
    expect(
      answer.body.zaken.map(({ identificatie, stand }) => ({ identificatie, stand })).sort(byId),
    ).toEqual(rows.sort(byId));
    expect(rows.some((row) => row.stand === 'te_laat')).toBe(true);
  });

  /** The figures recounted: plain SQL over zaken, zaak_statussen, zaak_opschortingen and taken. */
  async function recount(scope: Scope, filter: Dashboard['filter']) {
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
      (await rowsOf<T>(t.db, `${inScope} ${sql}`, bindings)).map(
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
});

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
