import type { Knex } from 'knex';
import type { Logger } from '../../logging.js';
import { drainAuditFeed } from './auditFeed.js';
import { runDeadlineScan, type DeadlineScanOptions } from './deadlineScan.js';
import { runDigests, type DigestOptions } from './digest.js';
import type { Clock } from './types.js';

export interface SignaleringJobsOptions extends Omit<DeadlineScanOptions, 'now'>, Omit<DigestOptions, 'now'> {
  db: Knex;
  clock: Clock;
  logger: Logger;
  /** How often the audit feed is read (ms). */
  feedIntervalMs?: number;
  /** How often the deadline job and the digest look for a new period (ms). */
  scheduleIntervalMs?: number;
}

export interface SignaleringJobs {
  /** Runs every job once now (after the running round); for tests and a moved clock. */
  runOnce(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The background work of signaleringen in this process: the audit feed consumer, the deadline
 * job and the e-mail digest. Safe with several processes on one database (see each job). A moved
 * clock (`/v2/clock`) runs them at once.
 */
export function startSignaleringJobs(options: SignaleringJobsOptions): SignaleringJobs {
  const { db, logger } = options;
  const now = () => new Date(options.clock.now());
  let stopped = false;
  let running: Promise<void> = Promise.resolve();

  const feed = () => drainAuditFeed(db, { authorisation: options.authorisation, now });
  const scheduled = async () => {
    await feed();
    await runDeadlineScan(db, { ...options, now });
    await runDigests(db, { ...options, now });
  };
  const queue = (job: () => Promise<void>, name: string): Promise<void> => {
    running = running.then(async () => {
      if (stopped) return;
      try {
        await job();
      } catch (error) {
        logger.error({ err: error, job: name }, 'signaleringen job failed; it runs again on the next tick');
      }
    });
    return running;
  };

  const feedTimer = setInterval(() => void queue(feed, 'audit-feed'), options.feedIntervalMs ?? 2_000);
  const scheduleTimer = setInterval(() => void queue(scheduled, 'scheduled'), options.scheduleIntervalMs ?? 30_000);
  options.clock.onChange?.(() => void queue(scheduled, 'clock-moved'));
  void queue(scheduled, 'start');

  return {
    runOnce: () => queue(scheduled, 'run-once'),
    async stop() {
      clearInterval(feedTimer);
      clearInterval(scheduleTimer);
      stopped = true; // queued rounds are skipped; the one running finishes
      await running;
    },
  };
}
