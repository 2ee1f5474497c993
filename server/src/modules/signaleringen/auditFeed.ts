import type { Knex } from 'knex';
import { auditTrailCaughtUp, consumeAuditTrail, drainAuditTrail } from '../audit/index.js';
import { noticesFor, type Notice } from './auditEvents.js';
import { whoMaySee, type ZaakAuthorisation } from './recipients.js';
import { insertSignalering } from './signaleringRepository.js';

/**
 * Reads the audit trail from the stored cursor (see consumeAuditTrail) and turns new entries into
 * signaleringen, in one transaction with the cursor update. Returns the entries read.
 */
export async function consumeAuditFeed(
  db: Knex,
  options: { authorisation: ZaakAuthorisation; now: () => Date },
): Promise<number> {
  return consumeAuditTrail(db, 'signalering_feed_cursor', async (trx, entries) => {
    for (const entry of entries) {
      for (const notice of await noticesFor(trx, entry)) {
        await store(trx, notice, entry.id, options);
      }
    }
  });
}

/** Consumes until the feed is caught up (bounded, so one call cannot run forever). */
export async function drainAuditFeed(
  db: Knex,
  options: { authorisation: ZaakAuthorisation; now: () => Date },
): Promise<void> {
  await drainAuditTrail(() => consumeAuditFeed(db, options));
}

/** Whether every committed entry has been read; until then a transaction in flight holds the horizon back. */
export function auditFeedCaughtUp(db: Knex): Promise<boolean> {
  return auditTrailCaughtUp(db, 'signalering_feed_cursor');
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
