import type { Knex } from 'knex';
import type { Logger } from '../../logging.js';
import type { Clock } from '../clock.js';

export interface SchedulerOptions {
  db: Knex;
  clock: Clock;
  logger: Logger;
  /** Fires due timers in one command; returns how many fired (others may have been taken by another process). */
  fireTimers: (timerKeys: readonly string[]) => Promise<number>;
  /** How often due work is looked for, ms (also the delay after a clock change is noticed). */
  pollIntervalMs?: number;
  /** Due timers read per round. */
  batchSize?: number;
  /** Timers fired per transaction. */
  timersPerTransaction?: number;
  /** Transactions run at the same time. */
  parallelTransactions?: number;
}

/**
 * Due work of the engine: timers and the expiry of buffered messages. It polls the database
 * with the engine clock, so timers survive restarts (overdue ones fire at start) and /v2/clock
 * moves them; several server processes can poll at once (timers are claimed with SKIP LOCKED).
 * Due timers are fired in chunks, several per transaction and a few transactions in parallel.
 */
export class Scheduler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  /** Only a started scheduler polls; tests may drive runDueWork() themselves. */
  private started = false;
  private stopped = false;

  constructor(private readonly options: SchedulerOptions) {}

  start(): void {
    this.started = true;
    this.stopped = false;
    this.schedule(0);
  }

  /** Look now (after a command created a timer, or the clock moved). */
  poke(): void {
    if (this.started && !this.stopped && !this.running) this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** One pass: fire every due timer, expire messages. Returns the number of timers fired. */
  async runDueWork(): Promise<number> {
    const { db, clock, batchSize = 1000 } = this.options;
    const now = new Date(clock.now());
    await db('engine_messages').where({ state: 'PUBLISHED' }).andWhere('expires_at', '<=', now).update({ state: 'EXPIRED' });
    let fired = 0;
    for (;;) {
      const due = (await db('engine_timers')
        .select(db.raw('key::text as key'))
        .where({ state: 'ACTIVE' })
        .andWhere('due_date', '<=', now)
        .orderBy('due_date')
        .limit(batchSize)) as { key: string }[];
      if (due.length === 0 || this.stopped) return fired;
      const firedNow = await this.fireInChunks(due.map((row) => row.key));
      fired += firedNow;
      // Timers another process holds stay ACTIVE until it commits: do not spin on them.
      if (due.length < batchSize || firedNow === 0) return fired;
    }
  }

  /** Chunks of timers, each in its own transaction, a bounded number at a time. */
  private async fireInChunks(keys: string[]): Promise<number> {
    const { timersPerTransaction = 20, parallelTransactions = 4 } = this.options;
    const chunks: string[][] = [];
    for (let i = 0; i < keys.length; i += timersPerTransaction) chunks.push(keys.slice(i, i + timersPerTransaction));
    let fired = 0;
    const work = async () => {
      for (let chunk = chunks.shift(); chunk && !this.stopped; chunk = chunks.shift()) {
        const firedInChunk = await this.fire(chunk);
        fired += firedInChunk;
      }
    };
    await Promise.all(Array.from({ length: Math.min(parallelTransactions, chunks.length) }, work));
    return fired;
  }

  /** A chunk that fails is fired one timer at a time, so one broken timer does not hold up the others. */
  private async fire(timerKeys: string[]): Promise<number> {
    try {
      return await this.options.fireTimers(timerKeys);
    } catch (error) {
      if (timerKeys.length === 1) {
        this.options.logger.error({ err: error, timerKey: timerKeys[0] }, 'timer could not be fired; will retry');
        return 0;
      }
      let fired = 0;
      for (const key of timerKeys) {
        const firedOne = await this.fire([key]);
        fired += firedOne;
      }
      return fired;
    }
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.running = this.runDueWork()
        .then(
          () => undefined,
          (error: unknown) => this.options.logger.error({ err: error }, 'scheduler pass failed'),
        )
        .finally(() => {
          this.running = undefined;
          if (!this.stopped) this.schedule(this.options.pollIntervalMs ?? 250);
        });
    }, delayMs);
  }
}
