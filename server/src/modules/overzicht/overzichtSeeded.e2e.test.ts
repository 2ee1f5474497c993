import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedOverzicht, type SeedTotals } from '../../bench/seedOverzicht.js';
import { ZaaktypeTestServer } from '../../platform/zaaktypen/testing/zaaktypeTestServer.js';
import { DEADLINE_LIST_LIMIT } from './deadlineList.js';
import type { OverzichtKpis } from './kpis.js';
import type { OverzichtReeksen } from './series.js';
import { recountOverzicht, rowsOf, type OverzichtScope } from './testing/recounts.js';

/**
 * The Overzicht on data made the way production makes it: the seed script registers zaken of
 * three zaaktypen over six months of engine-clock time through the real API, does (some of) their
 * tasks late or never, suspends and extends some. Every figure the dashboard answers is then
 * recounted in plain SQL on the server's own database (testing/recounts.ts), written apart from
 * the module's queries. OVERZICHT_SEED_ZAKEN sets the size (120 by default, 5,000 for the
 * acceptance run); the time allowed grows with it.
 */
interface Dashboard {
  filter: { van: string; tot: string; vandaag: string; risicoGrens: string };
  kpis: OverzichtKpis & { openIncidenten: number };
  reeksen: OverzichtReeksen;
}

const START = '2031-01-05';
const ZAKEN = Number(process.env.OVERZICHT_SEED_ZAKEN ?? 120);
const DAYS = 182;
/** Two seconds per zaak, at least four minutes: the seed's pace on a small machine. */
const SEED_TIMEOUT_MS = Math.max(240_000, ZAKEN * 2_000);

describe(
  'Overzicht on a seeded data set, checked against SQL',
  { timeout: SEED_TIMEOUT_MS },
  () => {
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
        // a large run reports its progress (and so its pace) every week of seeded time
        ...(ZAKEN > 120 && { log: (line: string) => process.stderr.write(`${line}\n`) }),
      });
    }, SEED_TIMEOUT_MS);
    afterAll(() => t.close());

    const dashboard = async (scope: OverzichtScope): Promise<Dashboard> => {
      const query = new URLSearchParams(Object.entries(scope) as [string, string][]);
      const answer = await (
        await t.as('manager')
      )<Dashboard>('GET', `/api/overzicht?${query.toString()}`);
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      return answer.body;
    };

    /** Asks the dashboard until it agrees with the SQL (workers may still be closing zaken). */
    const expectAgreement = async (scope: OverzichtScope) => {
      let last: { actual: unknown; expected: unknown } = { actual: undefined, expected: null };
      try {
        await t.until(async () => {
          const answer = await dashboard(scope);
          const expected = await recountOverzicht(t.db, scope, answer.filter);
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
      // zaak i is of zaaktype i % 3
      const perZaaktype = [0, 1, 2].map((rest) => Math.ceil((ZAKEN - rest) / 3));
      expect(Object.values(totals.perZaaktype).sort((x, y) => y - x)).toEqual(perZaaktype);
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
        totaal: number;
      }>('GET', '/api/overzicht/termijnen');
      expect(answer.status).toBe(200);
      const { vandaag, risicoGrens } = answer.body.filter;
      const rows = await rowsOf<{ identificatie: string; stand: string }>(
        t.db,
        `select identificatie,
                case when uiterlijke_einddatum_afdoening < ?::date then 'te_laat' else 'in_gevaar' end as stand
           from zaken where einddatum is null and uiterlijke_einddatum_afdoening < ?::date
          order by uiterlijke_einddatum_afdoening, identificatie`,
        [vandaag, risicoGrens],
      );
      // the most urgent first, as many as the list holds (at 5,000 zaken more are late)
      expect(
        answer.body.zaken.map(({ identificatie, stand }) => ({ identificatie, stand })),
      ).toEqual(rows.slice(0, DEADLINE_LIST_LIMIT));
      expect(answer.body.totaal).toBe(rows.length);
      expect(rows.some((row) => row.stand === 'te_laat')).toBe(true);
    });
  },
);
