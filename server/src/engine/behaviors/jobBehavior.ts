import type { InstanceExecution } from '../processing/instanceExecution.js';
import type { ElementInstance } from '../state/elementInstance.js';

export interface NewJob {
  type: string;
  retries: number;
  customHeaders: Record<string, string>;
}

/** Creates the job that a worker will carry out for this element instance. */
export async function createJob(execution: InstanceExecution, instance: ElementInstance, job: NewJob): Promise<string> {
  const { ctx, state } = execution;
  const id = state.identity;
  const key = await ctx.nextKey();
  // Written with the command's other writes; cancelJob runs them before it reads the job back.
  ctx.writes.add(ctx.trx('engine_jobs').insert({
    key,
    type: job.type,
    state: 'ACTIVATABLE',
    retries: job.retries,
    custom_headers: JSON.stringify(job.customHeaders),
    process_instance_key: id.processInstanceKey,
    element_instance_key: instance.key,
    element_id: instance.elementId,
    process_definition_key: id.processDefinitionKey,
    bpmn_process_id: id.bpmnProcessId,
    process_definition_version: id.version,
    tenant_id: id.tenantId,
    created_at: new Date(ctx.now),
  }));
  instance.runtime.jobKey = key;
  state.touch(instance);
  ctx.jobTypesToWake.add(job.type);
  ctx.records.append({
    key,
    recordType: 'EVENT',
    valueType: 'JOB',
    intent: 'CREATED',
    processInstanceKey: id.processInstanceKey,
    bpmnProcessId: id.bpmnProcessId,
    elementId: instance.elementId,
    elementType: instance.elementType,
    timestamp: ctx.now,
    value: {
      type: job.type,
      retries: job.retries,
      customHeaders: job.customHeaders,
      elementInstanceKey: instance.key,
      processInstanceKey: id.processInstanceKey,
      processDefinitionKey: id.processDefinitionKey,
      bpmnProcessId: id.bpmnProcessId,
      processDefinitionVersion: id.version,
      elementId: instance.elementId,
      tenantId: id.tenantId,
    },
  });
  return key;
}

/** Cancels the element's open job, if any, when the element is terminated. */
export async function cancelJob(execution: InstanceExecution, instance: ElementInstance): Promise<void> {
  const jobKey = instance.runtime.jobKey;
  if (!jobKey) return;
  const { ctx, state } = execution;
  await ctx.writes.run(ctx.trx); // the job may have been created by this same command
  const updated = await ctx.trx('engine_jobs')
    .where({ key: jobKey })
    .whereIn('state', ['ACTIVATABLE', 'ACTIVATED', 'FAILED', 'ERROR_THROWN'])
    .update({ state: 'CANCELED', ended_at: new Date(ctx.now) });
  if (updated === 0) return;
  ctx.records.append({
    key: jobKey,
    recordType: 'EVENT',
    valueType: 'JOB',
    intent: 'CANCELED',
    processInstanceKey: state.identity.processInstanceKey,
    bpmnProcessId: state.identity.bpmnProcessId,
    elementId: instance.elementId,
    elementType: instance.elementType,
    timestamp: ctx.now,
    value: { elementInstanceKey: instance.key, processInstanceKey: state.identity.processInstanceKey },
  });
}
