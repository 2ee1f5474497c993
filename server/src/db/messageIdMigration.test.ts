import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/testDatabase.js';
import { migrationsDirectory } from './migrate.js';

const MIGRATION = '20261127131500_engine_message_id_per_correlation_key.js';
const config = { directory: migrationsDirectory, loadExtensions: ['.js'], tableName: 'knex_migrations' };

/** Zeebe: a messageId is unique per message name and correlation key among buffered messages. */
describe(`migration ${MIGRATION}`, () => {
  let testDb: TestDatabase;
  beforeAll(async () => {
    testDb = await createTestDatabase({ migrate: false });
  });
  afterAll(async () => testDb.destroy());

  const message = (key: number, correlationKey: string) => ({
    key,
    state: 'PUBLISHED',
    name: 'antwoord',
    correlation_key: correlationKey,
    message_id: 'm-1',
    variables: '{}',
    published_at: new Date(),
    expires_at: new Date(Date.now() + 60_000),
  });

  it('up: the same id may be buffered once per correlation key; down: later duplicates expire', async () => {
    const db = testDb.db;
    await db.migrate.latest(config);
    await db('engine_messages').insert([message(1, 'ZAAK-1'), message(2, 'ZAAK-2')]);
    await expect(db('engine_messages').insert(message(3, 'ZAAK-1'))).rejects.toMatchObject({ constraint: 'engine_messages_unique_id' });
    // down keeps the older of two messages that the narrower rule would not allow
    await db.migrate.down({ ...config, name: MIGRATION });
    const rows: { key: string; state: string }[] = await db('engine_messages').orderBy('key').select('key', 'state');
    expect(rows.map((row) => [String(row.key), row.state])).toEqual([
      ['1', 'PUBLISHED'],
      ['2', 'EXPIRED'],
    ]);
    await db.migrate.latest(config);
  });
});
