import type { Knex } from 'knex';
import type { Logger } from 'pino';
import { recordAudit, systemActor } from '../audit/index.js';
import { OutboxRepository, type OutboxEntry } from './outboxRepository.js';
import type { ProcessInstanceLookup, ProcessStarter } from './processStarter.js';
import { ZaakRepository } from './zaakRepository.js';

export interface OutboxRelayOptions {
  db: Knex;
  starter: ProcessStarter;
  /**
   * Finds instances an earlier, interrupted attempt started. Without it a crash between starting
   * the instance and recording its key can leave a second instance running.
   */
  lookup?: ProcessInstanceLookup;
  logger: Logger;
  intervalMs: number;
  batchSize?: number;
  /** How long a claimed entry is left alone before another server may retry it. */
  leaseMs?: number;
  /** Delay before retry number `attempt` after a failure. */
  backoffMs?: (attempt: number) => number;
}

export interface OutboxRelay {
  /** Starts the processes of every due entry once; returns how many were started or adopted. */
  runOnce(): Promise<number>;
  stop(): Promise<void>;
}

const exponentialBackoff = (attempt: number) =>
  Math.min(300_000, 1_000 * 2 ** Math.max(0, attempt - 1));

/**
 * Starts the process instance of every new zaak from the outbox, retrying with back-off until it
 * succeeds. Safe with several servers: entries are claimed with SKIP LOCKED and a lease; a retry
 * after an interrupted attempt adopts the oldest instance already started for the zaak and
 * cancels any others, so each zaak ends with exactly one process instance.
 */
export function startOutboxRelay(options: OutboxRelayOptions): OutboxRelay {
  const relay = createOutboxRelay(options);
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    running = relay
      .runOnce()
      .catch((error: unknown) =>
        options.logger.error({ err: error }, 'process outbox relay run failed'),
      )
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, options.intervalMs);
      });
  };
  timer = setTimeout(tick, 0);
  return {
    runOnce: relay.runOnce,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

/** The relay without a timer: `runOnce` only. */
export function createOutboxRelay(options: OutboxRelayOptions): Pick<OutboxRelay, 'runOnce'> {
  const { db, starter, lookup, logger } = options;
  const backoff = options.backoffMs ?? exponentialBackoff;

  async function processEntry(entry: OutboxEntry): Promise<boolean> {
    const log = logger.child({ zaakId: entry.zaakId, outboxId: entry.id, attempt: entry.attempts });
    try {
      const key = (await adoptEarlierInstance(entry, log)) ?? (await startInstance(entry));
      await record(entry, key, log);
      return true;
    } catch (error) {
      const retryInMs = backoff(entry.attempts);
      log.warn({ err: error, retryInMs }, 'starting the process of a zaak failed; will retry');
      await new OutboxRepository(db).markFailed(entry.id, errorText(error), retryInMs);
      return false;
    }
  }

  async function adoptEarlierInstance(
    entry: OutboxEntry,
    log: Logger,
  ): Promise<string | undefined> {
    if (entry.attempts <= 1 || !lookup) return undefined;
    const [oldest, ...surplus] = await lookup.instancesForZaak(entry.zaakId);
    for (const key of surplus) await cancelQuietly(key, log);
    if (oldest)
      log.info(
        { processInstanceKey: oldest },
        'adopting the process instance an earlier attempt started',
      );
    return oldest;
  }

  async function startInstance(entry: OutboxEntry): Promise<string> {
    const { processInstanceKey } = await starter.start(
      entry.bpmnProcessId,
      entry.processVersion,
      entry.variables,
    );
    return processInstanceKey;
  }

  async function record(entry: OutboxEntry, key: string, log: Logger): Promise<void> {
    const recorded = await db.transaction(async (trx) => {
      const current = await new ZaakRepository(trx).recordProcessInstance(entry.zaakId, key);
      await new OutboxRepository(trx).markDone(entry.id, current ?? key);
      if (current === key) {
        await recordAudit(trx, {
          actor: systemActor,
          action: 'zaak.proces_gestart',
          resourceType: 'zaak',
          resourceId: entry.zaakId,
          zaakId: entry.zaakId,
          newValue: {
            processInstanceKey: key,
            bpmnProcessId: entry.bpmnProcessId,
            version: entry.processVersion,
          },
        });
      }
      return current;
    });
    // Another server recorded its instance first (our lease ran out): ours is the surplus one.
    if (recorded !== key) await cancelQuietly(key, log);
    else log.info({ processInstanceKey: key }, 'process of zaak started');
  }

  async function cancelQuietly(key: string, log: Logger): Promise<void> {
    if (!lookup) return;
    try {
      await lookup.cancel(key);
      log.warn({ processInstanceKey: key }, 'cancelled a duplicate process instance of a zaak');
    } catch (error) {
      // Already ended or cancelled: nothing left to clean up.
      log.warn(
        { err: error, processInstanceKey: key },
        'could not cancel a duplicate process instance',
      );
    }
  }

  return {
    async runOnce() {
      const entries = await new OutboxRepository(db).claimDue(
        options.batchSize ?? 20,
        options.leaseMs ?? 60_000,
      );
      let started = 0;
      for (const entry of entries) if (await processEntry(entry)) started++;
      return started;
    },
  };
}

function errorText(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
