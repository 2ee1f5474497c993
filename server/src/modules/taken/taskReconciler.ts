import type { Knex } from 'knex';
import type { Logger } from '../../logging.js';
import type { TakenService } from './service.js';
import { listOpenTaskJobs } from './takenRepository.js';
import { runPeriodically } from '../../platform/periodic.js';

/** The engine's REST v2 search, as the platform's EngineRestClient offers it. */
export interface JobSearch {
  query<T>(path: string, body: unknown): Promise<T>;
}

export interface TaskReconcilerOptions {
  db: Knex;
  service: TakenService;
  engine: JobSearch;
  logger: Logger;
  intervalMs: number;
  /** Open tasks per engine query (the REST page limit caps it at 100). */
  batchSize?: number;
}

/** A job's state as the engine's REST v2 job search reports it; undefined when it does not (yet). */
export function jobStateFrom(engine: JobSearch): (jobKey: string) => Promise<string | undefined> {
  return async (jobKey) => {
    const found = await engine.query<{ items?: { state: string }[] }>('/v2/jobs/search', {
      filter: { jobKey },
      page: { limit: 1 },
    });
    return found.items?.[0]?.state;
  };
}

/** Job states after which the job is gone: nobody can complete the task any more. */
const endedJobStates = ['CANCELED', 'COMPLETED', 'ERROR_THROWN'];

/**
 * Closes open tasks whose job the engine ended without the task list knowing: cancelled (the
 * process instance was cancelled, a boundary event interrupted the task) or completed (past the
 * task list, or a CompleteJob whose answer was lost). One job search per batch of
 * open tasks; a job the engine does not (yet) report is left alone, so lagging search data
 * never closes a live task.
 */
export async function reconcileOpenTasks(
  options: Omit<TaskReconcilerOptions, 'logger' | 'intervalMs'>,
): Promise<string[]> {
  const batchSize = Math.min(options.batchSize ?? 100, 100);
  const closed: string[] = [];
  let afterId: string | undefined;
  for (;;) {
    const batch = await listOpenTaskJobs(options.db, afterId, batchSize);
    if (batch.length === 0) break;
    afterId = batch.at(-1)?.id;
    const found = await options.engine.query<{ items?: { jobKey: string; state: string }[] }>(
      '/v2/jobs/search',
      {
        filter: {
          jobKey: { $in: batch.map((task) => task.jobKey) },
          state: { $in: endedJobStates },
        },
        page: { limit: batchSize },
      },
    );
    const ended = new Map((found.items ?? []).map((job) => [String(job.jobKey), job.state]));
    for (const task of batch) {
      const state = ended.get(task.jobKey);
      if (!state) continue;
      // COMPLETED: someone completed it past us, or our CompleteJob's answer was lost.
      const closedAs = state === 'COMPLETED' ? 'completed' : 'cancelled';
      if (await options.service.closeEndedInEngine(task.id, closedAs)) closed.push(task.id);
    }
    if (batch.length < batchSize) break;
  }
  return closed;
}

/** Runs reconcileOpenTasks every intervalMs until stopped; a failed round is logged and retried next time. */
export function startTaskReconciler(options: TaskReconcilerOptions): { stop(): Promise<void> } {
  return runPeriodically(
    options.intervalMs,
    async () => {
      const closed = await reconcileOpenTasks(options);
      if (closed.length > 0)
        options.logger.info({ taakIds: closed }, 'closed tasks the engine no longer has');
    },
    (error) =>
      options.logger.warn({ err: error }, 'task reconciliation failed; retrying next round'),
  );
}
