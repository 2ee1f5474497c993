import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import knexFactory from 'knex';
import { openDatabase, type Database } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { demoGroups, seedDemoAccounts } from '../modules/auth/index.js';
import {
  AuthorisationService,
  CatalogusService,
  loadZaaktypeFromJson,
} from '../modules/catalogus/index.js';

/** The zaaktypen the API benchmarks fill, each authorised for every demo team. */
export const BENCH_ZAAKTYPEN = ['bench-vergunning', 'bench-melding', 'bench-bezwaar'];

export interface BenchDatabase {
  url: string;
  db: Database;
  /** Closes the pool and drops the database (kept when BENCH_KEEP_DATABASE is set). */
  drop(): Promise<void>;
}

/** A fresh database for one benchmark target: PGlite in a temporary folder, or a new PostgreSQL database. */
export async function prepareDatabase(
  target: string,
  adminUrl: string,
): Promise<{ url: string | undefined; env: Record<string, string>; cleanup: () => Promise<void> }> {
  if (target === 'pglite') {
    const dataDir = mkdtempSync(join(tmpdir(), 'zs-bench-'));
    return {
      url: undefined,
      env: { DATA_DIR: dataDir },
      cleanup: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const admin = knexFactory({ client: 'pg', connection: adminUrl, pool: { min: 0, max: 1 } });
  const name = `zs_bench_${Date.now().toString(36)}`;
  await admin.raw(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    env: { DATABASE_URL: url.toString() },
    cleanup: async () => {
      if (process.env.BENCH_KEEP_DATABASE) console.log(`kept database ${name}`);
      else await admin.raw(`drop database if exists ${name} with (force)`);
      await admin.destroy();
    },
  };
}

/** A fresh, migrated PostgreSQL database next to `adminUrl`'s, opened, for one benchmark run. */
export async function createBenchDatabase(adminUrl: string): Promise<BenchDatabase> {
  const prepared = await prepareDatabase('postgres', adminUrl);
  const url = prepared.url!;
  const db = openDatabase({ url, dataDir: '' });
  await migrateToLatest(db);
  return {
    url,
    db,
    async drop() {
      await db.destroy();
      await prepared.cleanup();
    },
  };
}

/**
 * Demo accounts, three published zaaktypen, and `count` zaken received over the year before
 * `today` (two in three closed after 0–90 days), each with one task for a demo team.
 */
export async function seedZaken(db: Database, count: number, today: string): Promise<void> {
  await seedDemoAccounts(db);
  const catalogus = new CatalogusService({ db });
  const authorisations = new AuthorisationService(db);
  const fixture = new URL(
    '../../src/modules/catalogus/fixtures/omgevingsvergunning.zaaktype.json',
    import.meta.url,
  );
  for (const identificatie of BENCH_ZAAKTYPEN) {
    const json = JSON.parse(readFileSync(fixture, 'utf8')) as object;
    await catalogus.createConcept(loadZaaktypeFromJson({ ...json, identificatie }));
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
  await db.raw(
    `insert into zaken (id, identificatie, bronorganisatie, zaaktype_identificatie, zaaktype_versie, omschrijving,
       registratiedatum, startdatum, einddatum_gepland, uiterlijke_einddatum_afdoening, einddatum,
       vertrouwelijkheidaanduiding, status_omschrijving, status_volgnummer, created_by)
     select gen_random_uuid(), 'BENCH-' || i, '002220647', (array[?, ?, ?])[1 + i % 3], 1, 'Benchzaak ' || i,
       d, d, d + 42, d + 56, case when i % 3 <> 0 and d + (i % 90) <= ?::date then d + (i % 90) end,
       'openbaar', case when i % 3 <> 0 then 'Afgehandeld' else 'In behandeling' end, 1 + i % 5, 'bench'
     from generate_series(1, ?) as i, lateral (select ?::date - (i % 365) as d) as dates`,
    [...BENCH_ZAAKTYPEN, today, count, today],
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
  // a behandelaar rol on every other zaak, for the behandelaar filter
  await db.raw(
    `insert into zaak_rollen (id, zaak_id, roltype_omschrijving, omschrijving_generiek, betrokkene_type,
       medewerker_username, created_by)
     select gen_random_uuid(), z.id, 'Behandelaar', 'behandelaar', 'medewerker',
       'behandelaar' || (abs(hashtext(z.identificatie)) % 7), 'bench'
     from zaken z where abs(hashtext(z.identificatie)) % 2 = 0`,
  );
  await db.raw('analyze');
}

/** Milliseconds `action` takes. */
export async function timed(action: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await action();
  return performance.now() - started;
}
