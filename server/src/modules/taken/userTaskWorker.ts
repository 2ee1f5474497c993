import type { Zeebe } from '@camunda8/sdk';
import type { Logger } from '../../logging.js';
import type { TakenService } from './service.js';
import { USER_TASK_JOB_TYPE } from './userTaskJob.js';

export interface UserTaskWorkerOptions {
  zeebe: Zeebe.ZeebeGrpcClient;
  service: TakenService;
  logger: Logger;
  /** The job lock: a user task may wait this long before the engine offers it again. */
  lockMs?: number;
  maxJobsToActivate?: number;
  longPollMs?: number;
}

export const thirtyDaysMs = 30 * 24 * 60 * 60 * 1000;

/**
 * Activates job-based user tasks with a long lock and stores each as a task. The job is then
 * "forwarded": the worker lets go of it and the task list completes it later. When the lock
 * runs out (or after a restart) the engine offers the job again and the store, keyed on the
 * job key, updates the same task.
 */
export function startUserTaskWorker(options: UserTaskWorkerOptions): { close(): Promise<void> } {
  const { service, logger } = options;
  const worker = options.zeebe.createWorker({
    taskType: USER_TASK_JOB_TYPE,
    timeout: options.lockMs ?? thirtyDaysMs,
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
        return job.forward();
      } catch (error) {
        // Keep the retries: storing failed (database trouble), the task itself is fine. Try again soon.
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
