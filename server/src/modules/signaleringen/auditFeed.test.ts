import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../testing/testDatabase.js';
import { recordAudit, systemActor } from '../audit/index.js';
import { auditFeedCaughtUp, consumeAuditFeed } from './auditFeed.js';

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
const options = { authorisation: { mayView: () => Promise.resolve(true) }, now: () => new Date() };
const entry = (resourceId: string) => ({ actor: systemActor, action: 'test.iets', resourceType: 'test', resourceId });

describe('the audit feed cursor', { timeout: 120_000 }, () => {
  let testDb: TestDatabase;
  beforeAll(async () => {
    testDb = await createTestDatabase();
  }, 300_000);
  afterAll(async () => {
    await testDb?.destroy();
  });

  /** Reads until caught up (other transactions on a shared server hold the horizon back a moment). */
  const readAll = async () => {
    let read = 0;
    for (let round = 0; round < 600 && !(await auditFeedCaughtUp(testDb.db)); round++) {
      read += await consumeAuditFeed(testDb.db, options);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return read;
  };
  const cursor = async () =>
    (await testDb.db('signalering_feed_cursor').where({ name: 'audit' }).first<{ entry_id: string }>('entry_id')).entry_id;

  it('reads every new entry once, and nothing twice', async () => {
    await recordAudit(testDb.db, entry('a'));
    await recordAudit(testDb.db, entry('b'));
    expect(await readAll()).toBe(2);
    expect(await consumeAuditFeed(testDb.db, options)).toBe(0);
  });

  it.skipIf(!onPostgres)('does not skip an entry whose transaction commits after a later one (PostgreSQL)', async () => {
    // given transaction A writes an entry (the lower id) and stays open
    const slow = await testDb.db.transaction();
    const lowerId = await recordAudit(slow, entry('slow'));
    // and transaction B writes an entry (a higher id) and commits first
    const higherId = await recordAudit(testDb.db, entry('fast'));
    expect(BigInt(higherId)).toBeGreaterThan(BigInt(lowerId));
    // when the feed is read while A is still open, it stops below A: B waits too
    expect(await consumeAuditFeed(testDb.db, options)).toBe(0);
    // then, once A commits, both are read, and the cursor ends after B
    expect(await auditFeedCaughtUp(testDb.db)).toBe(false);
    await slow.commit();
    expect(await readAll()).toBe(2);
    expect(await cursor()).toBe(String(higherId));
  });

  it.skipIf(!onPostgres)('two consumers at once read each entry once (PostgreSQL)', async () => {
    for (let i = 0; i < 20; i++) await recordAudit(testDb.db, entry(`p${i}`));
    const reads = await Promise.all([consumeAuditFeed(testDb.db, options), consumeAuditFeed(testDb.db, options)]);
    const later = await readAll();
    expect(reads[0] + reads[1] + later).toBe(20);
  });
});
