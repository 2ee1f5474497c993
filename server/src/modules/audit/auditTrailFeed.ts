import type { Knex } from 'knex';

/** One audit entry as the feeds read it. */
export interface AuditTrailEntry {
  id: string;
  action: string;
  resourceId: string;
  zaakId: string | null;
  actorName: string;
  oldValue: unknown;
  newValue: unknown;
  at: Date;
}

export const auditFeedBatchSize = 200;

/**
 * Reads the audit trail after the cursor kept in `cursorTable` and hands the entries to `handle`,
 * in one transaction with the cursor update. Entries are read in (transaction id, entry id) order
 * and only from transactions older than the oldest one still running: every transaction below
 * that horizon has ended, so none can still add an entry behind the cursor (bigserial ids may
 * commit out of order; transaction ids below the horizon cannot). The horizon is cluster-wide, so
 * a transaction running anywhere on the server delays (never loses) an entry until it ends. The
 * cursor row is locked with SKIP LOCKED, so with several server processes one reads while the
 * others skip. Returns the entries read.
 */
export async function consumeAuditTrail(
  db: Knex,
  cursorTable: string,
  handle: (trx: Knex.Transaction, entries: AuditTrailEntry[]) => Promise<void>,
): Promise<number> {
  return db.transaction(async (trx) => {
    const horizon = await oldestRunningTransaction(trx);
    const cursor = await trx(cursorTable)
      .where({ name: 'audit' })
      .forUpdate()
      .skipLocked()
      .first<{ tx_id: string; entry_id: string } | undefined>(
        trx.raw('tx_id::text as tx_id'),
        'entry_id',
      );
    if (!cursor) return 0;
    const rows = await trx('audit_trail')
      .select<(Omit<AuditTrailEntry, 'id'> & { id: string | number; tx_id: string })[]>(
        'id',
        trx.raw('tx_id::text as tx_id'),
        'action',
        'resource_id as resourceId',
        'zaak_id as zaakId',
        'actor_name as actorName',
        'old_value as oldValue',
        'new_value as newValue',
        'at',
      )
      .whereRaw('(tx_id, id) > (?::xid8, ?)', [cursor.tx_id, cursor.entry_id])
      .whereRaw('tx_id < ?::xid8', [horizon])
      .orderByRaw('tx_id, id')
      .limit(auditFeedBatchSize);
    await handle(
      trx,
      rows.map((row) => ({
        ...row,
        id: String(row.id),
        at: new Date(row.at),
      })),
    );
    const last = rows.at(-1);
    if (last) {
      await trx(cursorTable)
        .where({ name: 'audit' })
        .update({ tx_id: trx.raw('?::xid8', [last.tx_id]), entry_id: last.id });
    }
    return rows.length;
  });
}

/** Calls `consume` until the feed is caught up (bounded, so one call cannot run forever). */
export async function drainAuditTrail(consume: () => Promise<number>): Promise<void> {
  for (let round = 0; round < 50; round++) {
    if ((await consume()) < auditFeedBatchSize) return;
  }
}

/** Whether every committed entry has been read; until then a transaction in flight holds the horizon back. */
export async function auditTrailCaughtUp(db: Knex, cursorTable: string): Promise<boolean> {
  const waiting = await db('audit_trail as a')
    .join(`${cursorTable} as c`, 'c.name', db.raw('?', ['audit']))
    .whereRaw('(a.tx_id, a.id) > (c.tx_id, c.entry_id)')
    .first<{ waiting: number } | undefined>(db.raw('1 as waiting'));
  return !waiting;
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
