import type { Clock } from '../engine/clock.js';
import type { EngineRestEndpoint } from './externalEngine.js';

/**
 * The platform's now when an external engine's clock is controlled (ENGINE_CLOCK_CONTROL, tests
 * only): system time plus the offset the engine's GET /v2/clock showed at the last refresh. The
 * engine proxy refreshes it after every clock change it forwards, so a test that moves time
 * through this server moves the platform's termijnen with the engine's timers, as with the
 * embedded engine. A change made elsewhere is seen within `refreshMs`.
 */
export class FollowedEngineClock implements Clock {
  private offsetMs = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly endpoint: EngineRestEndpoint,
    private readonly refreshMs = 5_000,
  ) {}

  now(): number {
    return Date.now() + this.offsetMs;
  }

  /** Reads the engine's clock; throws with the engine's answer when it has no controlled clock. */
  async refresh(): Promise<void> {
    const asked = Date.now();
    const response = await fetch(`${this.endpoint.baseUrl()}/v2/clock`, {
      headers: { accept: 'application/json', ...(await this.endpoint.headers()) },
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok)
      throw new Error(
        `ENGINE_CLOCK_CONTROL is set, but the engine's GET /v2/clock answered ${response.status}: ${await response.text()}. Enable clock control on the engine too, or unset it here.`,
      );
    const { timestamp } = (await response.json()) as { timestamp: string };
    this.offsetMs = Date.parse(timestamp) - Math.round((asked + Date.now()) / 2);
  }

  /** Refreshes now and then every `refreshMs` until stopped. */
  async start(): Promise<void> {
    await this.refresh();
    this.timer = setInterval(() => void this.refresh().catch(() => undefined), this.refreshMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
