import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../db/database.js';
import { untilWith } from '../../testing/until.js';
import { NotificatiesTestApp } from './testing/notificatiesTestApp.js';
import { startWebhookReceiver, type WebhookReceiver } from './testing/webhookReceiver.js';

const until = untilWith({ timeoutMs: 60_000, intervalMs: 50 });

/**
 * Two dispatchers, as two servers run them, on one database: on PostgreSQL (TEST_DATABASE_URL) each
 * with its own connection pool, so their feed reads and claims really run side by side; on PGlite
 * they share its one connection. Both run on their own timers every few milliseconds.
 */
describe('two dispatchers on one database', { timeout: 120_000 }, () => {
  const t = new NotificatiesTestApp();
  let callback: WebhookReceiver;
  let secondConnection: Database | undefined;

  beforeAll(async () => {
    await t.start();
    callback = await startWebhookReceiver();
    const url = (t.app.db.client as { config: { connection: unknown } }).config.connection;
    if (typeof url === 'string') secondConnection = openDatabase({ url, dataDir: 'memory://' });
  }, 300_000);
  afterAll(async () => {
    await t.close();
    await secondConnection?.destroy();
    await callback.close();
  });

  it('deliver each notificatie once', async () => {
    // given an abonnement and two dispatchers running
    const beheerder = await t.login('beheerder');
    const coordinator = await t.login('coordinator');
    const abonnement = await t.subscribe(beheerder, callback.url, 'Bearer twee');
    const one = t.dispatcher({ intervalMs: 10 });
    const two = t.dispatcher({
      intervalMs: 10,
      ...(secondConnection ? { db: secondConnection } : {}),
    });
    // when eight zaken are created and each gets a status, while both dispatch
    for (let i = 0; i < 8; i++) {
      const zaak = await t.createZaak(coordinator, `Zaak ${i}`);
      await t.act(coordinator, zaak.id, 'status', { statustype: 'In behandeling' });
    }
    // then all sixteen afleveringen are delivered
    await until(async () => {
      const open = await t.app
        .db('notificatie_afleveringen')
        .where({ abonnement_id: abonnement.id })
        .whereNot({ state: 'delivered' })
        .first('id');
      const delivered = await t.app
        .db('notificatie_afleveringen')
        .where({ abonnement_id: abonnement.id, state: 'delivered' })
        .count<{ n: string }[]>('id as n');
      return !open && Number(delivered[0]?.n) === 16 ? true : undefined;
    }, 'sixteen afleveringen delivered');
    // and after more rounds of both, the receiver got each notificatie exactly once, each in one attempt
    await Promise.all([one.runOnce(), two.runOnce()]);
    await Promise.all([one.runOnce(), two.runOnce()]);
    const stored = await t.app
      .db('notificaties')
      .orderBy('id')
      .select<{ bericht: unknown }[]>('bericht');
    expect(stored).toHaveLength(16);
    const received = callback.received.map((request) => JSON.stringify(request.body)).sort();
    expect(received).toEqual(stored.map((row) => JSON.stringify(row.bericht)).sort());
    expect(new Set(received).size).toBe(16);
    const pogingen = await t.app.db('notificatie_pogingen').count<{ n: string }[]>('id as n');
    expect(Number(pogingen[0]?.n)).toBe(16);
  });
});
