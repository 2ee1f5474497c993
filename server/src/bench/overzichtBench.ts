import knexFactory from 'knex';
import { openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { demoGroups, seedDemoAccounts } from '../modules/auth/index.js';
import { CalendarService } from '../modules/deadlines/index.js';
import { OverzichtService, type OverzichtUser } from '../modules/overzicht/index.js';
import { readFileSync } from 'node:fs';
import {
  AuthorisationService,
  CatalogusService,
  loadZaaktypeFromJson,
} from '../modules/catalogus/index.js';
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
const ZAAKTYPEN = ['bench-vergunning', 'bench-melding', 'bench-bezwaar'];

async function timed(action: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await action();
  return performance.now() - started;
}

async function seed(db: ReturnType<typeof openDatabase>) {
  await seedDemoAccounts(db);
  // three published zaaktypen, authorised for every team
  const catalogus = new CatalogusService({ db });
  const authorisations = new AuthorisationService(db);
  for (const identificatie of ZAAKTYPEN) {
    const json = readFileSync(
      new URL(
        '../../src/modules/catalogus/fixtures/omgevingsvergunning.zaaktype.json',
        import.meta.url,
      ),
      'utf8',
    );
    const input = loadZaaktypeFromJson({ ...(JSON.parse(json) as object), identificatie });
    await catalogus.createConcept(input);
    await catalogus.publish(identificatie, 1, { beginGeldigheid: '2025-01-01' }, () =>
      Promise.resolve({ statustypen: [], resultaattypen: [] }),
    );
    for (const group of demoGroups)
      await authorisations.grant({
        groep: group.code,
        zaaktypeIdentificatie: identificatie,
        maxVertrouwelijkheidaanduiding: 'geheim',
      });
  }
  // zaken received over the past year; two in three closed after 0–90 days
  await db.raw(
    `insert into zaken (id, identificatie, bronorganisatie, zaaktype_identificatie, zaaktype_versie, omschrijving,
       registratiedatum, startdatum, einddatum_gepland, uiterlijke_einddatum_afdoening, einddatum,
       vertrouwelijkheidaanduiding, status_omschrijving, status_volgnummer, created_by)
     select gen_random_uuid(), 'BENCH-' || i, '002220647', (array[?, ?, ?])[1 + i % 3], 1, 'Benchzaak ' || i,
       d, d, d + 42, d + 56, case when i % 3 <> 0 and d + (i % 90) <= ?::date then d + (i % 90) end,
       'openbaar', case when i % 3 <> 0 then 'Afgehandeld' else 'In behandeling' end, 1 + i % 5, 'bench'
     from generate_series(1, ?) as i, lateral (select ?::date - (i % 365) as d) as dates`,
    [...ZAAKTYPEN, TODAY, zakenCount, TODAY],
  );
  const groups = demoGroups.map((g) => g.code);
  await db.raw(
    `insert into taken (id, job_key, name, element_id, bpmn_process_id, process_instance_key, element_instance_key,
       zaak_id, state, candidate_groups, assignee)
     select gen_random_uuid(), row_number() over (), 'Beoordelen', 'Beoordelen', 'bench', row_number() over (),
       row_number() over (), z.id::text, case when z.einddatum is null then 'open' else 'completed' end,
       array[(?::text[])[1 + abs(hashtext(z.identificatie)) % ?]],
       case when abs(hashtext(z.identificatie)) % 3 = 0 then null else 'behandelaar' || (abs(hashtext(z.identificatie)) % 7) end
     from zaken z`,
    [groups, groups.length],
  );
  await db.raw('analyze');
}

async function main() {
  const admin = knexFactory({ client: 'pg', connection: adminUrl, pool: { min: 0, max: 1 } });
  const name = `zaakstroom_bench_overzicht_${process.pid}`;
  await admin.raw(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = openDatabase({ url: url.toString(), dataDir: '' });
  try {
    await migrateToLatest(db);
    const seeding = await timed(() => seed(db));
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
    await db.destroy();
    if (process.env.BENCH_KEEP_DATABASE) console.log(`kept database ${name}`);
    else await admin.raw(`drop database if exists ${name} with (force)`);
    await admin.destroy();
  }
}

await main();
