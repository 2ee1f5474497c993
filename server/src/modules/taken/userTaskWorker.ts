import type { Zeebe } from '@camunda8/sdk';
import type { Logger } from '../../logging.js';
import type { TakenService } from './service.js';
import { USER_TASK_JOB_TYPE } from './userTaskJob.js';

export interface UserTaskWorkerOptions {
  zeebe: Zeebe.ZeebeGrpcClient;
  service: TakenService;
  logger: Logger;
  /** The job lock once the task is stored: a user task may wait this long before the engine offers it again. */
  lockMs?: number;
  /** The lock while the task is not stored yet: a server that dies in between loses the job only this long. */
  storeLockMs?: number;
  maxJobsToActivate?: number;
  longPollMs?: number;
}

export const thirtyDaysMs = 30 * 24 * 60 * 60 * 1000;
export const fiveMinutesMs = 5 * 60 * 1000;

/**
 * Activates job-based user tasks and stores each as a task. The lock is taken in two steps: short
 * while activating (a server killed before it stored the task loses the job for minutes, not
 * weeks), then, once stored, stretched to the long lock (UpdateJobTimeout). The job is then
 * "forwarded": the worker lets go of it and the task list completes it later. When the lock
 * runs out (or after a restart) the engine offers the job again and the store, keyed on the
 * job key, updates the same task.
 */
export function startUserTaskWorker(options: UserTaskWorkerOptions): { close(): Promise<void> } {
  const { service, logger } = options;
  const worker = options.zeebe.createWorker({
    taskType: USER_TASK_JOB_TYPE,
    timeout: options.storeLockMs ?? fiveMinutesMs,
    maxJobsToActivate: options.maxJobsToActivate ?? 32,
    longPoll: options.longPollMs ?? 30_000,
    taskHandler: async (job) => {
      const log = logger.child({
        jobKey: job.key,
        processInstanceKey: job.processInstanceKey,
        elementId: job.elementId,
      });
      try {
        const { taak, created } = await service.storeActivatedJob(job);
        log.info(
          { taakId: taak.id, zaakId: taak.zaakId, created },
          created ? 'user task stored' : 'user task re-activated',
        );
        await options.zeebe.updateJobTimeout({
          jobKey: job.key,
          timeout: options.lockMs ?? thirtyDaysMs,
        });
        return job.forward();
      } catch (error) {
        // Keep the retries: storing or locking failed (database or engine trouble), the task itself
        // is fine. Try again soon; storing again keeps one task.
        log.error({ err: error }, 'user task could not be stored; the engine will offer it again');
        return job.fail({
          errorMessage: `task list could not store the task: ${String(error)}`,
          retries: job.retries,
          retryBackOff: 10_000,
        });
      }
    },
  });
  return {
    async close() {
      await worker.close();
    },
  };
}
