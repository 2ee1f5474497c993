import { demoGroups } from '../modules/auth/index.js';
import { CalendarService } from '../modules/deadlines/index.js';
import { OverzichtService, type OverzichtUser } from '../modules/overzicht/index.js';
import {
  BENCH_ZAAKTYPEN as ZAAKTYPEN,
  createBenchDatabase,
  seedZaken,
  timed,
} from './benchDatabase.js';
import { median, percentile, round } from './measurements.js';

/**
 * `npm run bench:overzicht`: the Overzicht queries on PostgreSQL with BENCH_ZAKEN (100,000) zaken
 * over a year across three zaaktypen, one task each, as a manager of every team sees them.
 * Per run: BENCH_REQUESTS (30) dashboard and deadline-list requests, p50 and p95 in ms.
 * Baseline, same run: `select count(*) from zaken` (a full scan of the same table).
 * The engine part (open incidents) is left out: an engine answering no incidents stands in.
 * Settings: BENCH_RUNS (3), BENCH_DATABASE_URL (postgres://postgres@127.0.0.1:5432/test).
 */
const zakenCount = Number(process.env.BENCH_ZAKEN ?? 100_000);
const requests = Number(process.env.BENCH_REQUESTS ?? 30);
const runs = Number(process.env.BENCH_RUNS ?? 3);
const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const TODAY = '2026-11-27';

async function main() {
  const bench = await createBenchDatabase(adminUrl);
  const { db } = bench;
  try {
    const seeding = await timed(() => seedZaken(db, zakenCount, TODAY));
    console.log(`seeded ${zakenCount} zaken and their tasks in ${round(seeding / 1000)} s`);
    const service = new OverzichtService({
      db,
      loadCalendar: () => new CalendarService(db).loadCalendar(),
      now: () => Date.parse(`${TODAY}T10:00:00Z`),
      engine: {
        query: <T>() => Promise.resolve({ items: [] } as T),
        processDefinitionXmlByKey: () => Promise.resolve(undefined),
      },
      commands: {
        updateJobRetries: () => Promise.resolve(),
        resolveIncident: () => Promise.resolve(),
      },
      validProcessDefinition: () => Promise.resolve(null),
    });
    const manager: OverzichtUser = {
      username: 'manager',
      groups: demoGroups.map((g) => g.code),
      actor: { type: 'user', id: null, name: 'manager' },
    };
    const queries = {
      'dashboard (90 days)': () => service.dashboard(manager, { risicoDagen: 5 }),
      'dashboard (1 year, one zaaktype)': () =>
        service.dashboard(manager, { van: '2025-11-27', zaaktype: ZAAKTYPEN[0], risicoDagen: 5 }),
      'dashboard (team filter)': () =>
        service.dashboard(manager, { groep: demoGroups[0]!.code, risicoDagen: 5 }),
      'deadline list': () => service.deadlines(manager, { risicoDagen: 5 }),
      'baseline: count(*) from zaken': () => db.raw('select count(*) from zaken'),
    };
    const results: Record<string, { p50: number[]; p95: number[] }> = {};
    for (let run = 1; run <= runs; run += 1) {
      for (const [label, query] of Object.entries(queries)) {
        await query(); // warm up
        const times: number[] = [];
        for (let i = 0; i < requests; i += 1) times.push(await timed(query));
        const entry = (results[label] ??= { p50: [], p95: [] });
        entry.p50.push(percentile(times, 50));
        entry.p95.push(percentile(times, 95));
        console.log(
          `run ${run}: ${label}: p50 ${round(percentile(times, 50))} ms, p95 ${round(percentile(times, 95))} ms`,
        );
      }
    }
    const baseline = median(results['baseline: count(*) from zaken']!.p50);
    console.log(
      `\nOverzicht on PostgreSQL, ${zakenCount} zaken, median of ${runs} runs of ${requests} requests:`,
    );
    for (const [label, entry] of Object.entries(results)) {
      const p95 = median(entry.p95);
      console.log(
        `  ${label}: p50 ${round(median(entry.p50))} ms, p95 ${round(p95)} ms (${round(p95 / baseline)}× the baseline's p50)${label.startsWith('baseline') ? '' : p95 < 300 ? ' — meets p95 < 300 ms' : ' — MISSES p95 < 300 ms'}`,
      );
    }
  } finally {
    await bench.drop();
  }
}

await main();
