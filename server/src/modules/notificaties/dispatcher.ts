import type { Knex } from 'knex';
import type { Logger } from '../../logging.js';
import { AfleveringRepository, type ClaimedAflevering } from './afleveringRepository.js';
import { drainNotificatieFeed } from './notificatieFeed.js';
import { nextAttemptAt } from './retryPolicy.js';
import { defaultRetryPolicy, type RetryPolicy } from './types.js';
import { postNotificatie } from './webhookPost.js';

export interface NotificatieDispatcherOptions {
  db: Knex;
  logger: Logger;
  /** The platform's now (the engine clock in tests): due attempts and back-off count from it. */
  clock: { now(): number; onChange?(listener: () => void): void };
  publicUrl: () => string;
  retry?: RetryPolicy;
  /** How long a callback may take to answer (ms). */
  timeoutMs?: number;
  /** How often the audit trail and due afleveringen are looked at (ms). */
  intervalMs?: number;
  /** Afleveringen claimed per round. */
  batchSize?: number;
}

export interface NotificatieDispatcher {
  /** One round now (after the running one): read the feed, post what is due. */
  runOnce(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The dispatcher of this server: reads new zaak events from the audit trail into notificaties and
 * afleveringen, then posts the due afleveringen, each attempt recorded and a failure tried again
 * after an exponential back-off. Safe with several servers on one database: the feed cursor and
 * the due afleveringen are claimed with SKIP LOCKED. Rounds of one dispatcher never overlap.
 */
export function startNotificatieDispatcher(
  options: NotificatieDispatcherOptions,
): NotificatieDispatcher {
  const { db, logger } = options;
  const retry = options.retry ?? defaultRetryPolicy;
  const timeoutMs = options.timeoutMs ?? 10_000;
  // Longer than a post can take, so a claim never runs out while its post is under way.
  const leaseMs = timeoutMs * 3 + 30_000;
  const afleveringen = new AfleveringRepository(db);
  const now = () => new Date(options.clock.now());
  let stopped = false;
  let running: Promise<void> = Promise.resolve();

  const deliver = async (claimed: ClaimedAflevering) => {
    const result = await postNotificatie(
      claimed.callbackUrl,
      claimed.auth,
      claimed.notificatie,
      timeoutMs,
    );
    const at = now();
    const attempt = claimed.attempts + 1;
    const retryAt = result.error ? nextAttemptAt(retry, attempt, at) : null;
    const state = result.error === null ? 'delivered' : retryAt ? 'pending' : 'failed';
    await afleveringen.recordAttempt(claimed, {
      at,
      statusCode: result.statusCode,
      error: result.error,
      state,
      nextAttemptAt: retryAt,
    });
    if (result.error) {
      logger.warn(
        {
          afleveringId: claimed.id,
          attempt,
          state,
          error: result.error,
          callbackUrl: claimed.callbackUrl,
        },
        'notificatie not delivered',
      );
    }
  };
  const round = async () => {
    await drainNotificatieFeed(db, { publicUrl: options.publicUrl, now });
    for (let batches = 0; batches < 20 && !stopped; batches++) {
      const at = now();
      const claimed = await afleveringen.claimDue(
        at,
        new Date(at.getTime() + leaseMs),
        options.batchSize ?? 20,
      );
      await Promise.all(claimed.map(deliver));
      if (claimed.length < (options.batchSize ?? 20)) return;
    }
  };
  const queue = (name: string): Promise<void> => {
    running = running.then(async () => {
      if (stopped) return;
      try {
        await round();
      } catch (error) {
        logger.error(
          { err: error, round: name },
          'notificaties round failed; it runs again on the next tick',
        );
      }
    });
    return running;
  };

  const timer = setInterval(() => void queue('tick'), options.intervalMs ?? 2_000);
  options.clock.onChange?.(() => void queue('clock-moved'));
  void queue('start');
  return {
    runOnce: () => queue('run-once'),
    async stop() {
      clearInterval(timer);
      stopped = true; // queued rounds are skipped; the one running finishes
      await running;
    },
  };
}
