import type { EngineApi } from '../../api.js';

/**
 * Lets a waiting activation sleep until jobs of its type may be there: woken by the engine after
 * a commit that made such jobs, by a timer (jobs made by another server process on the same
 * database send no signal here), or for good when the call or the gateway ends.
 */
export class JobWakeup {
  private signalled = false;
  private stopped = false;
  private wake: (() => void) | undefined;
  private readonly unsubscribe: () => void;
  private readonly stopListeners = new Set<() => void>();
  private readonly onAbort = () => this.stop();

  constructor(
    engine: EngineApi,
    type: string,
    private readonly signals: AbortSignal[],
  ) {
    this.unsubscribe = engine.onJobsAvailable(type, () => {
      this.signalled = true;
      this.wake?.();
    });
    for (const signal of signals) signal.addEventListener('abort', this.onAbort, { once: true });
    if (signals.some((signal) => signal.aborted)) this.stop();
  }

  get isStopped(): boolean {
    return this.stopped;
  }

  /** Forget earlier signals. Call just before looking for jobs, so a signal during the look counts. */
  arm(): void {
    this.signalled = false;
  }

  /** Resolves on a signal since the last arm(), after `ms`, or on stop. */
  wait(ms: number): Promise<void> {
    if (this.stopped || this.signalled) return Promise.resolve();
    return new Promise((resolve) => {
      const finish = () => {
        clearTimeout(timer);
        this.wake = undefined;
        this.stopListeners.delete(finish);
        resolve();
      };
      const timer = setTimeout(finish, ms);
      this.wake = finish;
      this.stopListeners.add(finish);
    });
  }

  /** Resolves when the emitter emits `event` (e.g. a stream's 'drain'), or on stop. */
  until(emitter: NodeJS.EventEmitter, event: string): Promise<void> {
    if (this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const finish = () => {
        emitter.off(event, finish);
        this.stopListeners.delete(finish);
        resolve();
      };
      emitter.once(event, finish);
      this.stopListeners.add(finish);
    });
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.unsubscribe();
    for (const signal of this.signals) signal.removeEventListener('abort', this.onAbort);
    for (const listener of [...this.stopListeners]) listener();
  }
}
