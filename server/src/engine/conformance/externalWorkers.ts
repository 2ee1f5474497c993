/**
 * Job workers that play the part of the "external" systems some specs expect, e.g.
 * `spec-with-external-worker.yaml` needs a worker for type `external-worker` that completes each
 * job with `x` raised by 1. They poll the gateway with ActivateJobs, as any Zeebe client does.
 */
import type { JsonObject } from './specFormat.js';
import { sdkVariables, type ZeebeClient } from './zeebeClient.js';

/** Computes the variables to complete a job with from the job's variables. */
export type ExternalWorkerHandler = (variables: Record<string, unknown>) => JsonObject;

/** The workers the zeebe-spec suite assumes, by job type. */
export const DEFAULT_EXTERNAL_WORKERS: Readonly<Record<string, ExternalWorkerHandler>> = {
  'external-worker': (variables) => ({ x: toNumber(variables.x) + 1 }),
};

function toNumber(value: unknown): number {
  // The SDK may hand out int64-safe number wrappers; valueOf() gives the plain number.
  const plain: unknown = typeof value === 'object' && value !== null ? value.valueOf() : value;
  const number = typeof plain === 'number' ? plain : Number(plain);
  if (!Number.isFinite(number))
    throw new Error(`expected a number in variable 'x', but was ${JSON.stringify(value)}`);
  return number;
}

export interface PollingWorkerOptions {
  client: ZeebeClient;
  type: string;
  handler: ExternalWorkerHandler;
  pollIntervalMs: number;
}

/** Activates and completes jobs of one type until stopped; remembers what went wrong. */
export class PollingWorker {
  readonly errors: string[] = [];
  private stopped = false;
  private readonly loop: Promise<void>;
  private wakeUp: (() => void) | undefined;

  constructor(private readonly options: PollingWorkerOptions) {
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wakeUp?.();
    await this.loop;
  }

  private async run(): Promise<void> {
    const { client, type, handler } = this.options;
    while (!this.stopped) {
      let worked = false;
      try {
        const jobs = await client.activateJobs({
          type,
          worker: `zeebe-spec-${type}`,
          timeout: 30_000,
          maxJobsToActivate: 10,
          requestTimeout: 200,
        });
        for (const job of jobs) {
          worked = true;
          try {
            await client.completeJob({
              jobKey: job.key,
              variables: sdkVariables(handler(job.variables as Record<string, unknown>)),
            });
          } catch (error) {
            this.remember(`job ${job.key}: ${errorText(error)}`);
            await client
              .failJob({
                jobKey: job.key,
                retries: job.retries - 1,
                errorMessage: errorText(error),
                retryBackOff: 0,
              })
              .catch(() => {});
          }
        }
      } catch (error) {
        if (!this.stopped) this.remember(`ActivateJobs: ${errorText(error)}`);
      }
      if (!worked && !this.stopped) await this.pause();
    }
  }

  private remember(message: string): void {
    // Bounded: a broken gateway would otherwise fill memory with the same error.
    if (this.errors.length < 20) this.errors.push(message);
  }

  private pause(): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakeUp = undefined;
        resolve();
      };
      const timer = setTimeout(done, this.options.pollIntervalMs);
      this.wakeUp = done;
    });
  }
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
