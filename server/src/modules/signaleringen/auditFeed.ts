import type { Knex } from 'knex';
import { noticesFor, type FeedEntry, type Notice } from './auditEvents.js';
import { whoMaySee, type ZaakAuthorisation } from './recipients.js';
import { insertSignalering } from './signaleringRepository.js';

const batchSize = 200;

interface CursorRow {
  tx_id: string;
  entry_id: string;
}

/**
 * Reads the audit trail from the stored cursor and turns new entries into signaleringen, in one
 * transaction with the cursor update. Entries are read in (transaction id, entry id) order and only
 * from transactions older than the oldest one still running: every transaction below that horizon
 * has ended, so none can still add an entry behind the cursor (bigserial ids may commit out of
 * order; transaction ids below the horizon cannot). The horizon is cluster-wide, so a transaction
 * running anywhere on the server delays (never loses) an entry until it ends. The cursor row is
 * locked with SKIP LOCKED, so with several server processes one consumes while the others skip.
 * Returns the entries read.
 */
export async function consumeAuditFeed(
  db: Knex,
  options: { authorisation: ZaakAuthorisation; now: () => Date },
): Promise<number> {
  return db.transaction(async (trx) => {
    const horizon = await oldestRunningTransaction(trx);
    const cursor = await trx('signalering_feed_cursor')
      .where({ name: 'audit' })
      .forUpdate()
      .skipLocked()
      .first<CursorRow | undefined>(trx.raw('tx_id::text as tx_id'), 'entry_id');
    if (!cursor) return 0;
    const rows = await trx('audit_trail')
      .select<(Omit<FeedEntry, 'id'> & { id: string; tx_id: string })[]>(
        'id',
        trx.raw('tx_id::text as tx_id'),
        'action',
        'resource_id as resourceId',
        'zaak_id as zaakId',
        'actor_name as actorName',
        'new_value as newValue',
      )
      .whereRaw('(tx_id, id) > (?::xid8, ?)', [cursor.tx_id, cursor.entry_id])
      .whereRaw('tx_id < ?::xid8', [horizon])
      .orderByRaw('tx_id, id')
      .limit(batchSize);
    for (const row of rows) {
      for (const notice of await noticesFor(trx, { ...row, id: String(row.id) })) {
        await store(trx, notice, String(row.id), options);
      }
    }
    const last = rows.at(-1);
    if (last) {
      await trx('signalering_feed_cursor')
        .where({ name: 'audit' })
        .update({ tx_id: trx.raw('?::xid8', [last.tx_id]), entry_id: last.id });
    }
    return rows.length;
  });
}

/** Consumes until the feed is caught up (bounded, so one call cannot run forever). */
export async function drainAuditFeed(
  db: Knex,
  options: { authorisation: ZaakAuthorisation; now: () => Date },
): Promise<void> {
  for (let round = 0; round < 50; round++) {
    if ((await consumeAuditFeed(db, options)) < batchSize) return;
  }
}

/** Whether every committed entry has been read; until then a transaction in flight holds the horizon back. */
export async function auditFeedCaughtUp(db: Knex): Promise<boolean> {
  const waiting = await db('audit_trail as a')
    .join('signalering_feed_cursor as c', 'c.name', db.raw('?', ['audit']))
    .whereRaw('(a.tx_id, a.id) > (c.tx_id, c.entry_id)')
    .first<{ waiting: number } | undefined>(db.raw('1 as waiting'));
  return !waiting;
}

async function oldestRunningTransaction(trx: Knex): Promise<string> {
  // Asked before this transaction writes anything, so its own id does not lower the horizon.
  const result = await trx.raw<{ rows: { xmin: string }[] }>('select pg_snapshot_xmin(pg_current_snapshot())::text as xmin');
  const xmin = result.rows[0]?.xmin;
  if (!xmin) throw new Error('the database did not report its oldest running transaction');
  return xmin;
}

async function store(
  trx: Knex,
  notice: Notice,
  period: string,
  options: { authorisation: ZaakAuthorisation; now: () => Date },
): Promise<void> {
  for (const username of await whoMaySee(trx, options.authorisation, notice.usernames, notice.zaak)) {
    await insertSignalering(
      trx,
      {
        username,
        eventType: notice.eventType,
        subjectType: notice.subjectType,
        subjectId: notice.subjectId,
        zaakId: notice.zaak?.id ?? null,
        period,
        tekst: notice.tekst,
      },
      options.now(),
    );
  }
}
