import type { Zeebe } from '@camunda8/sdk';
import type { Logger } from 'pino';
import { applyOutcome } from './applyOutcome.js';
import { retryLater, type HandlerDeps, type JobHandler, type JobOutcome } from './jobOutcome.js';
import type { MailTransport } from './mailTransport.js';
import type { PlatformClient } from './platformClient.js';
import { sdkLoggerFor } from './sdkLogger.js';

export interface RunWorkersOptions {
  zeebe: Zeebe.ZeebeGrpcClient;
  platform: PlatformClient;
  mail: MailTransport;
  logger: Logger;
  handlers: Readonly<Record<string, JobHandler>>;
  /** Jobs handled at once per job type. */
  concurrency?: number;
  /** Job lock: how long a job may take before the engine hands it to another worker. */
  timeoutMs?: number;
  /** Long-poll duration for ActivateJobs. */
  longPollMs?: number;
  fetch?: typeof fetch;
  /** Told of every job taken and of its outcome, e.g. for metrics. */
  onJobEvent?: (event: JobEvent) => void;
}

/** A job activated, or handled with one of the outcomes. */
export interface JobEvent {
  jobType: string;
  event: 'activated' | JobOutcome['outcome'];
}

export interface RunningWorkers {
  /** Stops taking jobs, lets the running ones finish and report, then resolves. */
  close(): Promise<void>;
}

/** One SDK worker per job type, each calling its handler and reporting the outcome. */
export function runWorkers(options: RunWorkersOptions): RunningWorkers {
  const { zeebe, logger } = options;
  const workers = Object.entries(options.handlers).map(([taskType, handler]) =>
    zeebe.createWorker({
      taskType,
      maxJobsToActivate: options.concurrency ?? 8,
      timeout: options.timeoutMs ?? 60_000,
      longPoll: options.longPollMs ?? 30_000,
      stdout: sdkLoggerFor(logger.child({ jobType: taskType })),
      taskHandler: async (job) => {
        options.onJobEvent?.({ jobType: job.type, event: 'activated' });
        const zaak = (job.variables as { zaak?: { id?: unknown } }).zaak;
        const log = logger.child({
          jobKey: job.key,
          jobType: job.type,
          processInstanceKey: job.processInstanceKey,
          ...(zaak?.id !== undefined ? { zaakId: String(zaak.id as string) } : {}),
        });
        const deps: HandlerDeps = {
          platform: options.platform,
          mail: options.mail,
          logger: log,
          job: {
            key: job.key,
            type: job.type,
            processInstanceKey: job.processInstanceKey,
            elementId: job.elementId,
            retries: job.retries,
          },
          ...(options.fetch ? { fetch: options.fetch } : {}),
        };
        const outcome = await runHandler(
          handler,
          job.variables,
          stringHeaders(job.customHeaders),
          deps,
        );
        log.info({ outcome: outcome.outcome, ...describeOutcome(outcome) }, 'job handled');
        options.onJobEvent?.({ jobType: job.type, event: outcome.outcome });
        return applyOutcome(job, outcome);
      },
    }),
  );
  logger.info({ jobTypes: Object.keys(options.handlers) }, 'job workers started');
  return {
    async close() {
      const closed = workers.map((worker) => worker.close());
      workers.forEach(cancelOpenPoll);
      await Promise.all(closed);
      logger.info('job workers stopped');
    },
  };
}

/**
 * The SDK (8.8) cancels a worker's open ActivateJobs long poll on close() only when no job is
 * running. With jobs running the poll stays open, and a job the engine hands it meanwhile is
 * dropped by the closing worker: locked, untouched, until its timeout. Cancelled here, the poll
 * takes no job with it (the engine keeps jobs it could not send activatable). `jobStream` is the
 * SDK's private handle on that call; without it (another SDK version) nothing is cancelled.
 */
function cancelOpenPoll(worker: object): void {
  const poll = (worker as unknown as { jobStream?: { cancel?: () => void } }).jobStream;
  poll?.cancel?.();
}

/** A handler that throws has a bug or met the unexpected: report it and let retries decide. */
async function runHandler(
  handler: JobHandler,
  variables: Record<string, unknown>,
  headers: Record<string, string>,
  deps: HandlerDeps,
): Promise<JobOutcome> {
  try {
    return await handler(variables, headers, deps);
  } catch (error) {
    deps.logger.error({ err: error }, 'job handler threw');
    return retryLater(
      `Unexpected error in ${deps.job.type}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

function stringHeaders(headers: Readonly<Record<string, string | number>>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([key, value]) => [key, String(value)]));
}

function describeOutcome(outcome: JobOutcome): Record<string, unknown> {
  if (outcome.outcome === 'fail') return { message: outcome.message, retries: outcome.retries };
  if (outcome.outcome === 'bpmnError')
    return { errorCode: outcome.errorCode, message: outcome.message };
  return {};
}
