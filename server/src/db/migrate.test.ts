import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/testDatabase.js';
import { migrateToLatest, migrationsCurrent, rollbackAll } from './migrate.js';

describe('migrations', () => {
  let testDb: TestDatabase;
  beforeAll(async () => {
    testDb = await createTestDatabase({ migrate: false });
  });
  afterAll(async () => {
    await testDb.destroy();
  });

  async function tables(): Promise<string[]> {
    const result = await testDb.db.raw<{ rows: { table_name: string }[] }>(
      "select table_name from information_schema.tables where table_schema = current_schema() and table_name not like 'knex_%' order by 1",
    );
    return result.rows.map((row) => row.table_name);
  }

  it('migrate up, down and up again leaves the same schema', async () => {
    // given an empty database
    expect(await tables()).toEqual([]);
    // when migrating up
    await migrateToLatest(testDb.db);
    const afterUp = await tables();
    expect(afterUp).toContain('engine_jobs');
    expect(await migrationsCurrent(testDb.db)).toBe(true);
    // when rolling everything back
    await rollbackAll(testDb.db);
    expect(await tables()).toEqual([]);
    expect(await migrationsCurrent(testDb.db)).toBe(false);
    // then migrating up again gives the same tables
    await migrateToLatest(testDb.db);
    expect(await tables()).toEqual(afterUp);
  });
});
