import type { InstanceExecution } from '../processing/instanceExecution.js';
import type { ElementInstance } from '../state/elementInstance.js';

export interface IncidentCause {
  errorType: string;
  message: string;
  jobKey?: string;
}

/**
 * Raises an incident on an element instance: the instance waits there until the incident is
 * resolved, when `retryStep` (if any) is run again.
 */
export async function raiseIncident(
  execution: InstanceExecution,
  instance: ElementInstance,
  cause: IncidentCause,
  retryStep?: 'activate' | 'complete',
): Promise<string> {
  const { ctx, state } = execution;
  const key = await ctx.nextKey();
  const id = state.identity;
  await ctx.trx('engine_incidents').insert({
    key,
    state: 'ACTIVE',
    error_type: cause.errorType,
    error_message: cause.message,
    process_instance_key: id.processInstanceKey,
    element_instance_key: instance.key,
    element_id: instance.elementId,
    job_key: cause.jobKey ?? null,
    variable_scope_key: instance.key,
    process_definition_key: id.processDefinitionKey,
    bpmn_process_id: id.bpmnProcessId,
    tenant_id: id.tenantId,
    created_at: new Date(ctx.now),
  });
  instance.incidentKey = key;
  if (retryStep) instance.runtime.retryStep = retryStep;
  else delete instance.runtime.retryStep;
  state.touch(instance);
  ctx.records.append({
    key,
    recordType: 'EVENT',
    valueType: 'INCIDENT',
    intent: 'CREATED',
    processInstanceKey: id.processInstanceKey,
    bpmnProcessId: id.bpmnProcessId,
    elementId: instance.elementId,
    elementType: instance.elementType,
    timestamp: ctx.now,
    value: {
      errorType: cause.errorType,
      errorMessage: cause.message,
      bpmnProcessId: id.bpmnProcessId,
      processDefinitionKey: id.processDefinitionKey,
      processInstanceKey: id.processInstanceKey,
      elementId: instance.elementId,
      elementInstanceKey: instance.key,
      jobKey: cause.jobKey ?? '-1',
      variableScopeKey: instance.key,
      tenantId: id.tenantId,
    },
  });
  return key;
}

/** Marks the element's incident resolved (on resolution, or when the element is terminated). */
export async function closeIncident(execution: InstanceExecution, instance: ElementInstance): Promise<void> {
  const incidentKey = instance.incidentKey;
  if (!incidentKey) return;
  const { ctx, state } = execution;
  await ctx.trx('engine_incidents')
    .where({ key: incidentKey, state: 'ACTIVE' })
    .update({ state: 'RESOLVED', resolved_at: new Date(ctx.now) });
  instance.incidentKey = undefined;
  state.touch(instance);
  ctx.records.append({
    key: incidentKey,
    recordType: 'EVENT',
    valueType: 'INCIDENT',
    intent: 'RESOLVED',
    processInstanceKey: state.identity.processInstanceKey,
    bpmnProcessId: state.identity.bpmnProcessId,
    elementId: instance.elementId,
    elementType: instance.elementType,
    timestamp: ctx.now,
    value: { processInstanceKey: state.identity.processInstanceKey, elementInstanceKey: instance.key },
  });
}
