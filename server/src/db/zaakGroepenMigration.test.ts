import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/testDatabase.js';
import { migrationsDirectory } from './migrate.js';

const MIGRATION = '20261128090000_zaak_groepen.js';
const config = {
  directory: migrationsDirectory,
  loadExtensions: ['.js'],
  tableName: 'knex_migrations',
};

let jobKey = 0;
function task(zaakId: string | null, candidateGroups: string[]) {
  jobKey += 1;
  return {
    id: randomUUID(),
    job_key: jobKey,
    name: 'Beoordelen',
    element_id: 'Beoordelen',
    bpmn_process_id: 'p',
    process_instance_key: jobKey,
    element_instance_key: jobKey,
    zaak_id: zaakId,
    candidate_groups: candidateGroups,
  };
}

/** The teams that worked on a zaak (Overzicht's team filter) follow the task table. */
describe(`migration ${MIGRATION}`, () => {
  let testDb: TestDatabase;
  beforeAll(async () => {
    testDb = await createTestDatabase({ migrate: false });
  });
  afterAll(async () => testDb.destroy());

  const groepen = () =>
    testDb
      .db<{ zaak_id: string; groep: string }>('zaak_groepen')
      .orderBy(['zaak_id', 'groep'])
      .select('zaak_id', 'groep');

  it('fills the table from existing tasks, then keeps it with each new task', async () => {
    const db = testDb.db;
    const [early, later] = [randomUUID(), randomUUID()].sort();
    await db.migrate.latest(config);
    await db.migrate.down({ ...config, name: MIGRATION });
    // before the migration: a task of a zaak, one without a zaak, one with a zaak id that is no uuid
    await db('taken').insert([
      task(early!, ['team-a', 'team-b']),
      task(null, ['team-a']),
      task('extern-7', ['team-a']),
    ]);
    await db.migrate.latest(config);
    expect(await groepen()).toEqual([
      { zaak_id: early, groep: 'team-a' },
      { zaak_id: early, groep: 'team-b' },
    ]);

    // after it: new tasks add their groups once, whatever else they carry
    await db('taken').insert([
      task(early!, ['team-a']),
      task(later!, ['team-c']),
      task('extern-8', ['team-c']),
    ]);
    expect(await groepen()).toEqual([
      { zaak_id: early, groep: 'team-a' },
      { zaak_id: early, groep: 'team-b' },
      { zaak_id: later, groep: 'team-c' },
    ]);
  });
});
