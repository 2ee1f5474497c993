import type { Knex } from 'knex';
import type { JobSearch } from './taskReconciler.js';
import { USER_TASK_JOB_TYPE } from './userTaskJob.js';

/** FailJob through the Zeebe client: gives a job back to the engine with its retries. */
export interface JobHandBack {
  failJob(request: {
    jobKey: string;
    retries: number;
    errorMessage: string;
    retryBackOff: number;
  }): Promise<unknown>;
}

interface OpenJob {
  jobKey: string;
  retries: number;
  deadline: string | null;
}

const PAGE = 100;

/**
 * Finds user-task jobs the engine holds as activated while the task list has no task for them:
 * the engine committed the activation, but its answer never reached the user-task worker (the
 * engine died in between). With the long user-task lock such a job would wait weeks. A job seen
 * like that in two rounds in a row (`suspects` carries them from the last round, so a job being
 * stored right now is left alone) is given back with FailJob, retries unchanged, and the worker
 * activates and stores it again. Returns the job keys given back.
 */
export async function offerLostActivationsAgain(options: {
  db: Knex;
  engine: JobSearch;
  zeebe: JobHandBack;
  /** Job keys found without a task in the previous round; updated for the next one. */
  suspects: Set<string>;
}): Promise<string[]> {
  const withoutTask: OpenJob[] = [];
  let after: string | undefined;
  for (;;) {
    const found = await options.engine.query<{
      items?: OpenJob[];
      page?: { endCursor?: string };
    }>('/v2/jobs/search', {
      filter: { type: USER_TASK_JOB_TYPE, state: { $in: ['CREATED', 'FAILED'] } },
      page: { limit: PAGE, ...(after ? { after } : {}) },
    });
    // Activated and locked: an activatable job (no deadline, or one run out) the worker takes by itself.
    const now = Date.now();
    const activated = (found.items ?? []).filter(
      (job) => job.deadline !== null && Date.parse(job.deadline) > now,
    );
    const stored = new Set(
      (await options
        .db('taken')
        .whereIn(
          'job_key',
          activated.map((job) => job.jobKey),
        )
        .pluck('job_key')) as string[],
    );
    withoutTask.push(...activated.filter((job) => !stored.has(String(job.jobKey))));
    after = found.page?.endCursor;
    if ((found.items ?? []).length < PAGE || !after) break;
  }
  const givenBack: string[] = [];
  const next = new Set<string>();
  for (const job of withoutTask) {
    const jobKey = String(job.jobKey);
    if (!options.suspects.has(jobKey)) {
      next.add(jobKey);
      continue;
    }
    await options.zeebe.failJob({
      jobKey,
      retries: job.retries,
      retryBackOff: 0,
      errorMessage:
        'The task list never received this activated user task (the answer was lost); offered again',
    });
    givenBack.push(jobKey);
  }
  options.suspects.clear();
  for (const jobKey of next) options.suspects.add(jobKey);
  return givenBack;
}
