import type { Knex } from 'knex';
import { auditTrailCaughtUp, consumeAuditTrail, drainAuditTrail } from '../audit/index.js';
import { AbonnementRepository, wants } from './abonnementRepository.js';
import { isPublished, zgwNotificatieOf, type ZaakEvent, type ZaakKenmerken } from './zaakEvents.js';

export interface FeedOptions {
  /** The base of hoofdObject and resourceUrl (PUBLIC_URL, or this server's own URL). */
  publicUrl: () => string;
  now: () => Date;
}

/**
 * Reads the audit trail from the stored cursor (see consumeAuditTrail) and turns zaak events into
 * notificaties with one aflevering per abonnement that wants them, in one transaction with the
 * cursor update. Returns the entries read.
 */
export async function consumeNotificatieFeed(db: Knex, options: FeedOptions): Promise<number> {
  return consumeAuditTrail(db, 'notificatie_feed_cursor', async (trx, entries) => {
    const published = entries.filter((entry) => entry.zaakId && isPublished(entry.action));
    if (published.length === 0) return;
    const abonnementen = await new AbonnementRepository(trx).list();
    if (abonnementen.length === 0) return;
    for (const entry of published) await publish(trx, entry, abonnementen, options);
  });
}

/** Consumes until the feed is caught up (bounded, so one call cannot run forever). */
export async function drainNotificatieFeed(db: Knex, options: FeedOptions): Promise<void> {
  await drainAuditTrail(() => consumeNotificatieFeed(db, options));
}

/** Whether every committed audit entry has been read; until then a transaction in flight holds the horizon back. */
export function notificatieFeedCaughtUp(db: Knex): Promise<boolean> {
  return auditTrailCaughtUp(db, 'notificatie_feed_cursor');
}

async function publish(
  trx: Knex,
  event: ZaakEvent,
  abonnementen: Awaited<ReturnType<AbonnementRepository['list']>>,
  options: FeedOptions,
): Promise<void> {
  // A proefrun is nobody's business outside Beheer: no notificatie leaves for it.
  const zaak = await trx('zaken')
    .where({ id: event.zaakId, proefrun: false })
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
