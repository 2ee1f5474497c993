import type {
  JOB_ACTION_ACKNOWLEDGEMENT,
  JSONDoc,
} from '@camunda8/sdk/dist/zeebe/lib/interfaces-1.0.js';
import { exponentialBackOffMs } from './backOff.js';
import type { JobOutcome } from './jobOutcome.js';

/** The parts of an SDK job that report an outcome. */
export interface ReportableJob {
  retries: number;
  complete(variables?: JSONDoc): Promise<JOB_ACTION_ACKNOWLEDGEMENT>;
  fail(config: {
    errorMessage: string;
    retries?: number;
    retryBackOff?: number;
  }): Promise<JOB_ACTION_ACKNOWLEDGEMENT>;
  error(errorCode: string, errorMessage?: string): Promise<JOB_ACTION_ACKNOWLEDGEMENT>;
}

/** CompleteJob, FailJob (one retry fewer, back-off) or ThrowError, as the handler decided. */
export function applyOutcome(
  job: ReportableJob,
  outcome: JobOutcome,
): Promise<JOB_ACTION_ACKNOWLEDGEMENT> {
  switch (outcome.outcome) {
    case 'complete':
      return job.complete((outcome.variables ?? {}) as JSONDoc);
    case 'bpmnError':
      return job.error(outcome.errorCode, outcome.message ?? '');
    case 'fail': {
      const retries = outcome.retries ?? Math.max(0, job.retries - 1);
      const retryBackOff =
        retries === 0 ? 0 : (outcome.retryBackOffMs ?? exponentialBackOffMs(job.retries));
      return job.fail({ errorMessage: outcome.message, retries, retryBackOff });
    }
  }
}
