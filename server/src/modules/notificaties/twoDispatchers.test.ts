import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../db/database.js';
import { untilWith } from '../../testing/until.js';
import { AfleveringRepository } from './afleveringRepository.js';
import { drainNotificatieFeed, notificatieFeedCaughtUp } from './notificatieFeed.js';
import { NotificatiesTestApp, publicUrl } from './testing/notificatiesTestApp.js';
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
    await Promise.all([one.stop(), two.stop()]);
  });

  it('a claim of a dispatcher that died mid-post runs out, and another dispatcher posts it', async () => {
    // given a new notificatie, claimed by a dispatcher that then died before recording its attempt
    const coordinator = await t.login('coordinator');
    const before = callback.received.length;
    const zaak = await t.createZaak(coordinator, 'Gestorven verzender');
    await until(async () => {
      await drainNotificatieFeed(t.app.db, {
        publicUrl: () => publicUrl,
        now: () => new Date(t.clock.now()),
      });
      return (await notificatieFeedCaughtUp(t.app.db)) ? true : undefined;
    }, 'the feed to read the new zaak');
    const now = new Date(t.clock.now());
    const [claimed, ...others] = await new AfleveringRepository(t.app.db).claimDue(
      now,
      new Date(now.getTime() + 45_000),
      20,
    );
    expect(others).toEqual([]);
    expect(claimed?.notificatie.hoofdObject).toBe(`${publicUrl}/api/zaken/${zaak.id}`);
    // when another dispatcher runs while that claim holds, it leaves the aflevering alone
    const survivor = t.dispatcher();
    await survivor.runOnce();
    expect(callback.received).toHaveLength(before);
    // and once the claim has run out, it posts the notificatie, recorded as the first attempt
    t.clock.add(45_000);
    await survivor.runOnce();
    expect(callback.received).toHaveLength(before + 1);
    expect(callback.received.at(-1)?.body).toEqual(claimed?.notificatie);
    const aflevering = await t.app
      .db('notificatie_afleveringen')
      .where({ id: claimed?.id })
      .first<{ state: string; attempts: number }>('state', 'attempts');
    expect(aflevering).toEqual({ state: 'delivered', attempts: 1 });
    // and had the dead one come back and record its attempt late, nothing would change
    expect(
      await new AfleveringRepository(t.app.db).recordAttempt(claimed!, {
        at: now,
        statusCode: 204,
        error: null,
        state: 'delivered',
        nextAttemptAt: null,
      }),
    ).toBe(false);
  });
});
