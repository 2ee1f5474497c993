import type { Knex } from 'knex';
import { AbonnementRepository, wants } from './abonnementRepository.js';
import { isPublished, zgwNotificatieOf, type ZaakEvent, type ZaakKenmerken } from './zaakEvents.js';

const batchSize = 200;

export interface FeedOptions {
  /** The base of hoofdObject and resourceUrl (PUBLIC_URL, or this server's own URL). */
  publicUrl: () => string;
  now: () => Date;
}

interface CursorRow {
  tx_id: string;
  entry_id: string;
}

/**
 * Reads the audit trail from the stored cursor and turns zaak events into notificaties with one
 * aflevering per abonnement that wants them, in one transaction with the cursor update. The same
 * reading as the signaleringen feed (see signaleringen/auditFeed.ts): (tx_id, id) order, only below
 * the oldest transaction still running, the cursor row locked with SKIP LOCKED so that with
 * several servers one reads while the others skip. Returns the entries read.
 */
export async function consumeNotificatieFeed(db: Knex, options: FeedOptions): Promise<number> {
  return db.transaction(async (trx) => {
    const horizon = await oldestRunningTransaction(trx);
    const cursor = await trx('notificatie_feed_cursor')
      .where({ name: 'audit' })
      .forUpdate()
      .skipLocked()
      .first<CursorRow | undefined>(trx.raw('tx_id::text as tx_id'), 'entry_id');
    if (!cursor) return 0;
    const rows = await trx('audit_trail')
      .select<(Omit<ZaakEvent, 'id'> & { id: string; tx_id: string })[]>(
        'id',
        trx.raw('tx_id::text as tx_id'),
        'action',
        'resource_id as resourceId',
        'zaak_id as zaakId',
        'old_value as oldValue',
        'at',
      )
      .whereRaw('(tx_id, id) > (?::xid8, ?)', [cursor.tx_id, cursor.entry_id])
      .whereRaw('tx_id < ?::xid8', [horizon])
      .orderByRaw('tx_id, id')
      .limit(batchSize);
    const published = rows.filter((row) => row.zaakId && isPublished(row.action));
    if (published.length > 0) {
      const abonnementen = await new AbonnementRepository(trx).list();
      for (const row of abonnementen.length > 0 ? published : [])
        await publish(
          trx,
          { ...row, id: String(row.id), at: new Date(row.at) },
          abonnementen,
          options,
        );
    }
    const last = rows.at(-1);
    if (last) {
      await trx('notificatie_feed_cursor')
        .where({ name: 'audit' })
        .update({ tx_id: trx.raw('?::xid8', [last.tx_id]), entry_id: last.id });
    }
    return rows.length;
  });
}

/** Consumes until the feed is caught up (bounded, so one call cannot run forever). */
export async function drainNotificatieFeed(db: Knex, options: FeedOptions): Promise<void> {
  for (let round = 0; round < 50; round++) {
    if ((await consumeNotificatieFeed(db, options)) < batchSize) return;
  }
}

/** Whether every committed audit entry has been read; until then a transaction in flight holds the horizon back. */
export async function notificatieFeedCaughtUp(db: Knex): Promise<boolean> {
  const waiting = await db('audit_trail as a')
    .join('notificatie_feed_cursor as c', 'c.name', db.raw('?', ['audit']))
    .whereRaw('(a.tx_id, a.id) > (c.tx_id, c.entry_id)')
    .first<{ waiting: number } | undefined>(db.raw('1 as waiting'));
  return !waiting;
}

async function publish(
  trx: Knex,
  event: ZaakEvent,
  abonnementen: Awaited<ReturnType<AbonnementRepository['list']>>,
  options: FeedOptions,
): Promise<void> {
  const zaak = await trx('zaken')
    .where({ id: event.zaakId })
    .first<ZaakKenmerken | undefined>(
      'id',
      'bronorganisatie',
      'zaaktype_identificatie as zaaktype',
      'vertrouwelijkheidaanduiding',
    );
  if (!zaak) return;
  const notificatie = zgwNotificatieOf(event, zaak, options.publicUrl());
  if (!notificatie) return;
  // Only kept when someone wants it: a notificatie nobody subscribed to is not stored.
  const subscribers = abonnementen.filter((abonnement) =>
    wants(abonnement, notificatie.kanaal, notificatie.kenmerken),
  );
  if (subscribers.length === 0) return;
  const [inserted] = await trx('notificaties')
    .insert({
      bron_entry_id: event.id,
      kanaal: notificatie.kanaal,
      zaak_id: zaak.id,
      bericht: JSON.stringify(notificatie),
      created_at: options.now(),
    })
    .onConflict('bron_entry_id')
    .ignore()
    .returning<{ id: string }[]>('id');
  if (!inserted) return;
  await trx('notificatie_afleveringen').insert(
    subscribers.map((abonnement) => ({
      notificatie_id: inserted.id,
      abonnement_id: abonnement.id,
      state: 'pending',
      next_attempt_at: options.now(),
      created_at: options.now(),
    })),
  );
}

async function oldestRunningTransaction(trx: Knex): Promise<string> {
  // Asked before this transaction writes anything, so its own id does not lower the horizon.
  const result = await trx.raw<{ rows: { xmin: string }[] }>(
    'select pg_snapshot_xmin(pg_current_snapshot())::text as xmin',
  );
  const xmin = result.rows[0]?.xmin;
  if (!xmin) throw new Error('the database did not report its oldest running transaction');
  return xmin;
}
