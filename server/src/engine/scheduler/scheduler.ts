import type { Knex } from 'knex';
import type { Logger } from '../../logging.js';
import type { Clock } from '../clock.js';

export interface SchedulerOptions {
  db: Knex;
  clock: Clock;
  logger: Logger;
  /** Fires one timer in its own command; false when another process got there first. */
  fireTimer: (timerKey: string) => Promise<boolean>;
  /** How often due work is looked for, ms (also the delay after a clock change is noticed). */
  pollIntervalMs?: number;
  batchSize?: number;
}

/**
 * Due work of the engine: timers and the expiry of buffered messages. It polls the database
 * with the engine clock, so timers survive restarts (overdue ones fire at start) and /v2/clock
 * moves them; several server processes can poll at once (timers are claimed with SKIP LOCKED).
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
    const { db, clock, batchSize = 200 } = this.options;
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
      // A few at a time: each is its own transaction on its own process instance.
      for (let i = 0; i < due.length; i += 4) {
        const results = await Promise.all(due.slice(i, i + 4).map((row) => this.fire(row.key)));
        fired += results.filter(Boolean).length;
      }
      if (due.length < batchSize) return fired;
    }
  }

  private async fire(timerKey: string): Promise<boolean> {
    try {
      return await this.options.fireTimer(timerKey);
    } catch (error) {
      this.options.logger.error({ err: error, timerKey }, 'timer could not be fired; will retry');
      return false;
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
