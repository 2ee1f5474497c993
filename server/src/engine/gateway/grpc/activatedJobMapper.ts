import type { Logger } from '../../../logging.js';
import type { ActivatedJob, EngineApi } from '../../api.js';
import type { ActivateJobsResponse, WireActivatedJob } from './protocol.js';

/** Clients accept 4 MB per message by default; keep each ActivateJobsResponse well below. */
const MAX_RESPONSE_BYTES = 3 * 1024 * 1024;

export function toWireJob(job: ActivatedJob): WireActivatedJob {
  return {
    key: job.key,
    type: job.type,
    processInstanceKey: job.processInstanceKey,
    bpmnProcessId: job.bpmnProcessId,
    processDefinitionVersion: job.processDefinitionVersion,
    processDefinitionKey: job.processDefinitionKey,
    elementId: job.elementId,
    elementInstanceKey: job.elementInstanceKey,
    customHeaders: JSON.stringify(job.customHeaders),
    worker: job.worker,
    retries: job.retries,
    deadline: String(job.deadline),
    variables: JSON.stringify(job.variables),
    tenantId: job.tenantId,
  };
}

/** One response when the jobs fit, else as many as needed so that each stays under the size limit. */
export function toResponseBatches(jobs: ActivatedJob[]): ActivateJobsResponse[] {
  const batches: ActivateJobsResponse[] = [];
  let current: WireActivatedJob[] = [];
  let size = 0;
  for (const job of jobs.map(toWireJob)) {
    const jobSize = Buffer.byteLength(job.variables) + Buffer.byteLength(job.customHeaders) + 512;
    if (current.length > 0 && size + jobSize > MAX_RESPONSE_BYTES) {
      batches.push({ jobs: current });
      current = [];
      size = 0;
    }
    current.push(job);
    size += jobSize;
  }
  if (current.length > 0) batches.push({ jobs: current });
  return batches;
}

/**
 * Jobs activated for a caller that has gone away are handed back (failed with their retries
 * unchanged and no back-off), so they need not wait for their lock to expire.
 */
export async function returnUnsentJobs(engine: EngineApi, jobs: ActivatedJob[], logger: Logger): Promise<void> {
  for (const job of jobs) {
    try {
      await engine.failJob(job.key, {
        retries: job.retries,
        errorMessage: `The job was activated for worker '${job.worker}', but the worker's call ended before it could be sent`,
      });
    } catch (error) {
      logger.warn({ err: error, jobKey: job.key }, 'could not hand back a job activated for a cancelled call; it waits for its lock to expire');
    }
  }
}
