import type { Database } from '../../../../db/database.js';

/**
 * Writes rows into the engine tables the way the engine does, for tests of the read side that
 * should not depend on the engine running. Keys follow Zeebe's partition-1 scheme: 2^51 + n.
 */
export const key = (n: number): string => (2n ** 51n + BigInt(n)).toString();

export const at = (iso: string) => new Date(iso);

export interface Definition {
  key: string;
  bpmnProcessId: string;
  version?: number;
  name?: string | null;
  xml?: string;
}

export async function insertDefinition(db: Database, definition: Definition): Promise<void> {
  const deploymentKey = (BigInt(definition.key) + 1_000_000n).toString();
  await db('engine_deployments').insert({
    key: deploymentKey,
    created_at: at('2025-01-01T00:00:00Z'),
  });
  await db('engine_process_definitions').insert({
    key: definition.key,
    bpmn_process_id: definition.bpmnProcessId,
    version: definition.version ?? 1,
    name: definition.name ?? null,
    resource_name: `${definition.bpmnProcessId}.bpmn`,
    checksum: 'test',
    xml: definition.xml ?? `<definitions id="${definition.bpmnProcessId}"/>`,
    deployment_key: deploymentKey,
    created_at: at('2025-01-01T00:00:00Z'),
  });
}

export interface Element {
  key: string;
  processInstanceKey: string;
  definition: Definition;
  elementId: string;
  elementType: string;
  state: string;
  elementName?: string;
  flowScopeKey?: string;
  incidentKey?: string;
  parentProcessInstanceKey?: string;
  parentElementInstanceKey?: string;
  startDate: string;
  endDate?: string;
}

export async function insertElement(db: Database, element: Element): Promise<void> {
  await db('engine_element_instances').insert({
    key: element.key,
    process_instance_key: element.processInstanceKey,
    flow_scope_key: element.flowScopeKey ?? null,
    element_id: element.elementId,
    element_name: element.elementName ?? null,
    element_type: element.elementType,
    state: element.state,
    process_definition_key: element.definition.key,
    bpmn_process_id: element.definition.bpmnProcessId,
    version: element.definition.version ?? 1,
    parent_process_instance_key: element.parentProcessInstanceKey ?? null,
    parent_element_instance_key: element.parentElementInstanceKey ?? null,
    incident_key: element.incidentKey ?? null,
    start_date: at(element.startDate),
    end_date: element.endDate ? at(element.endDate) : null,
  });
}

/** The process instance itself: its element instance of type PROCESS. */
export function insertInstance(
  db: Database,
  instance: Omit<Element, 'processInstanceKey' | 'elementId' | 'elementType'>,
): Promise<void> {
  return insertElement(db, {
    ...instance,
    processInstanceKey: instance.key,
    elementId: instance.definition.bpmnProcessId,
    elementType: 'PROCESS',
  });
}

export async function insertVariable(
  db: Database,
  variable: {
    key: string;
    processInstanceKey: string;
    scopeKey?: string;
    name: string;
    value: unknown;
  },
): Promise<void> {
  await db('engine_variables').insert({
    key: variable.key,
    process_instance_key: variable.processInstanceKey,
    scope_key: variable.scopeKey ?? variable.processInstanceKey,
    name: variable.name,
    value: JSON.stringify(variable.value),
  });
}

export interface Job {
  key: string;
  type: string;
  state: string;
  retries?: number;
  worker?: string;
  deadline?: string;
  errorMessage?: string;
  errorCode?: string;
  customHeaders?: Record<string, string>;
  processInstanceKey: string;
  elementInstanceKey: string;
  elementId: string;
  definition: Definition;
  createdAt: string;
  endedAt?: string;
}

export async function insertJob(db: Database, job: Job): Promise<void> {
  await db('engine_jobs').insert({
    key: job.key,
    type: job.type,
    state: job.state,
    retries: job.retries ?? 3,
    worker: job.worker ?? null,
    deadline: job.deadline ? at(job.deadline) : null,
    error_message: job.errorMessage ?? null,
    error_code: job.errorCode ?? null,
    custom_headers: JSON.stringify(job.customHeaders ?? {}),
    process_instance_key: job.processInstanceKey,
    element_instance_key: job.elementInstanceKey,
    element_id: job.elementId,
    process_definition_key: job.definition.key,
    bpmn_process_id: job.definition.bpmnProcessId,
    process_definition_version: job.definition.version ?? 1,
    created_at: at(job.createdAt),
    ended_at: job.endedAt ? at(job.endedAt) : null,
  });
}

export interface Incident {
  key: string;
  state: string;
  errorType: string;
  errorMessage: string;
  processInstanceKey: string;
  elementInstanceKey: string;
  elementId: string;
  jobKey?: string;
  definition: Definition;
  createdAt: string;
  resolvedAt?: string;
}

export async function insertIncident(db: Database, incident: Incident): Promise<void> {
  await db('engine_incidents').insert({
    key: incident.key,
    state: incident.state,
    error_type: incident.errorType,
    error_message: incident.errorMessage,
    process_instance_key: incident.processInstanceKey,
    element_instance_key: incident.elementInstanceKey,
    element_id: incident.elementId,
    job_key: incident.jobKey ?? null,
    variable_scope_key: incident.elementInstanceKey,
    process_definition_key: incident.definition.key,
    bpmn_process_id: incident.definition.bpmnProcessId,
    created_at: at(incident.createdAt),
    resolved_at: incident.resolvedAt ? at(incident.resolvedAt) : null,
  });
}
