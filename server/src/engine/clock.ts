/**
 * The engine's notion of now. All due work (timers, job deadlines, back-off, message TTL) and
 * every record timestamp reads this clock, so tests can move time with /v2/clock.
 */
export interface Clock {
  now(): number;
}

/** System time plus an adjustable offset, or pinned to a fixed instant. */
export class ControllableClock implements Clock {
  private offsetMs = 0;
  private pinnedAt: number | undefined;
  private readonly listeners: (() => void)[] = [];

  /** Called after every change, e.g. so the scheduler fires timers that just became due. */
  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }

  now(): number {
    return this.pinnedAt ?? Date.now() + this.offsetMs;
  }

  /** Pins the clock at an instant (Camunda's PUT /v2/clock). */
  pin(epochMs: number): void {
    this.pinnedAt = epochMs;
    this.changed();
  }

  /** Moves the clock forward (POST /v2/clock/add); keeps it pinned if it was. */
  add(ms: number): void {
    if (this.pinnedAt !== undefined) this.pinnedAt += ms;
    else this.offsetMs += ms;
    this.changed();
  }

  reset(): void {
    this.pinnedAt = undefined;
    this.offsetMs = 0;
    this.changed();
  }
}
