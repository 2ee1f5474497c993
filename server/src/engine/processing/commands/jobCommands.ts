import { EngineRejection, type VariableDocument } from '../../api.js';
import { throwBpmnError } from '../errorPropagation.js';
import { raiseIncident } from '../../behaviors/incidentBehavior.js';
import { setResultVariables, setVariablesLocal } from '../../behaviors/variableBehavior.js';
import type { CommandContext } from '../commandContext.js';
import type { CommandRunner } from '../commandRunner.js';
import type { InstanceExecution } from '../instanceExecution.js';
import { completeElement } from '../lifecycle.js';

interface JobRow {
  key: string;
  type: string;
  state: string;
  retries: number;
  process_instance_key: string;
  element_instance_key: string;
  element_id: string;
  error_message: string | null;
}

/**
 * Runs `body` on a job and its process instance, both locked: the instance through its row
 * lock, the job through an update that only succeeds in one of `allowedStates`.
 */
async function onJob<T>(
  runner: CommandRunner,
  jobKey: string,
  action: string,
  allowedStates: string[],
  changes: (now: number) => Record<string, unknown>,
  body: (execution: InstanceExecution, job: JobRow) => Promise<T>,
): Promise<T> {
  const notFound = `Expected to ${action} job with key '${jobKey}', but no such job was found`;
  return runner.transaction(async (ctx) => {
    const execution = await runner.lockAndLoad(ctx, { jobKey }, notFound);
    const updated: JobRow[] = await ctx.trx('engine_jobs')
      .where({ key: jobKey })
      .whereIn('state', allowedStates)
      .update(changes(ctx.now))
      .returning(['key', 'type', 'state', 'retries', 'element_instance_key', 'element_id', 'error_message']);
    const job = updated[0];
    if (!job) {
      const current = (await ctx.trx('engine_jobs').select('state').where({ key: jobKey }).first()) as { state: string };
      const reason = current.state === 'COMPLETED' || current.state === 'CANCELED' ? 'NOT_FOUND' : 'FAILED_PRECONDITION';
      throw new EngineRejection(reason, `Expected to ${action} job with key '${jobKey}', but it is in state '${current.state}'`);
    }
    const result = await body(execution, job);
    await runner.finish(execution);
    return result;
  });
}

function recordJob(ctx: CommandContext, execution: InstanceExecution, job: JobRow, intent: string, value: Record<string, unknown> = {}): void {
  ctx.records.append({
    key: String(job.key),
    recordType: 'EVENT',
    valueType: 'JOB',
    intent,
    processInstanceKey: execution.state.identity.processInstanceKey,
    bpmnProcessId: execution.state.identity.bpmnProcessId,
    elementId: job.element_id,
    timestamp: ctx.now,
    value: { type: job.type, elementInstanceKey: String(job.element_instance_key), ...value },
  });
}

export function completeJob(runner: CommandRunner, jobKey: string, variables: VariableDocument = {}): Promise<void> {
  const changes = (now: number) => ({ state: 'COMPLETED', ended_at: new Date(now) });
  return onJob(runner, jobKey, 'complete', ['ACTIVATABLE', 'ACTIVATED'], changes, async (execution, job) => {
    const { ctx } = execution;
    recordJob(ctx, execution, job, 'COMPLETED', { variables });
    const instance = execution.state.require(String(job.element_instance_key));
    await setResultVariables(execution, instance, variables);
    completeElement(execution, instance);
  });
}

export function failJob(
  runner: CommandRunner,
  jobKey: string,
  options: { retries: number; errorMessage?: string; retryBackOffMs?: number; variables?: VariableDocument },
): Promise<void> {
  const retries = options.retries;
  const backOff = options.retryBackOffMs ?? 0;
  const errorMessage = options.errorMessage ?? '';
  const changes = (now: number) => ({
    state: retries > 0 ? 'ACTIVATABLE' : 'FAILED',
    retries,
    error_message: errorMessage,
    worker: null,
    deadline: null,
    retry_backoff_until: retries > 0 && backOff > 0 ? new Date(now + backOff) : null,
  });
  return onJob(runner, jobKey, 'fail', ['ACTIVATED', 'ACTIVATABLE'], changes, async (execution, job) => {
    const { ctx } = execution;
    const instance = execution.state.require(String(job.element_instance_key));
    if (options.variables) await setVariablesLocal(execution, instance.key, options.variables);
    recordJob(ctx, execution, job, 'FAILED', { retries, errorMessage, retryBackoff: backOff });
    if (retries > 0) {
      ctx.jobTypesToWake.add(job.type);
      return;
    }
    await raiseIncident(execution, instance, {
      errorType: 'JOB_NO_RETRIES',
      message: errorMessage || 'No more retries left.',
      jobKey,
    });
  });
}

export function throwError(
  runner: CommandRunner,
  jobKey: string,
  options: { errorCode: string; errorMessage?: string; variables?: VariableDocument },
): Promise<void> {
  const changes = () => ({ state: 'ERROR_THROWN', error_code: options.errorCode, error_message: options.errorMessage ?? '' });
  return onJob(runner, jobKey, 'throw an error for', ['ACTIVATED', 'ACTIVATABLE'], changes, async (execution, job) => {
    const { ctx } = execution;
    recordJob(ctx, execution, job, 'ERROR_THROWN', { errorCode: options.errorCode, errorMessage: options.errorMessage ?? '' });
    const instance = execution.state.require(String(job.element_instance_key));
    const caught = await throwBpmnError(execution, instance, options.errorCode, options.variables ?? {});
    if (caught) return;
    const withMessage = options.errorMessage ? ` with message '${options.errorMessage}'` : '';
    await raiseIncident(execution, instance, {
      errorType: 'UNHANDLED_ERROR_EVENT',
      message: `Expected to throw an error event with the code '${options.errorCode}'${withMessage}, but it was not caught. No error events are available in the scope.`,
      jobKey,
    });
  });
}

export function updateJobRetries(runner: CommandRunner, jobKey: string, retries: number): Promise<void> {
  if (!Number.isInteger(retries) || retries < 1) {
    return Promise.reject(
      new EngineRejection('INVALID_ARGUMENT', `Expected to update retries of job '${jobKey}' to a number greater than zero, but was ${retries}`),
    );
  }
  const states = ['ACTIVATABLE', 'ACTIVATED', 'FAILED', 'ERROR_THROWN'];
  return onJob(runner, jobKey, 'update retries of', states, () => ({ retries }), async (execution, job) => {
    recordJob(execution.ctx, execution, job, 'RETRIES_UPDATED', { retries });
  });
}

export function updateJobTimeout(runner: CommandRunner, jobKey: string, timeoutMs: number): Promise<void> {
  const changes = (now: number) => ({ deadline: new Date(now + timeoutMs) });
  return onJob(runner, jobKey, 'update the timeout of', ['ACTIVATED'], changes, async (execution, job) => {
    recordJob(execution.ctx, execution, job, 'TIMEOUT_UPDATED', { deadline: execution.ctx.now + timeoutMs });
  });
}
