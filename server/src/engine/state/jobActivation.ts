import type { Knex } from 'knex';
import type { ActivateJobsCommand, ActivatedJob } from '../api.js';
import type { JsonValue } from '../feel/types.js';

interface ActivatedRow {
  key: string;
  type: string;
  retries: number;
  deadline: Date | string;
  custom_headers: unknown;
  process_instance_key: string;
  element_instance_key: string;
  element_id: string;
  process_definition_key: string;
  bpmn_process_id: string;
  process_definition_version: number;
  tenant_id: string;
  /** The variables the job sees, as JSON object text; null when it sees none. */
  variables: string | null;
}

/**
 * Activates up to `maxJobsToActivate` jobs of a type in one statement. `SKIP LOCKED` means two
 * concurrent activations never hand out the same job; a job whose lock expired is activatable again.
 */
export async function activateJobs(db: Knex, command: ActivateJobsCommand, now: number): Promise<ActivatedJob[]> {
  const nowDate = new Date(now);
  const deadline = new Date(now + command.timeout);
  const names = command.fetchVariable?.length ? command.fetchVariable : null;
  // One statement claims the jobs, appends their JOB ACTIVATED records to the log and reads the
  // variables each job sees (nearest scope wins) as a JSON object text.
  const result = await db.raw<{ rows: ActivatedRow[] }>(
    `with recursive candidates as (
       select key from engine_jobs
        where type = ? and tenant_id = any(?)
          and ((state = 'ACTIVATABLE' and (retry_backoff_until is null or retry_backoff_until <= ?))
            or (state = 'ACTIVATED' and deadline <= ?))
        order by key
        limit ?
        for update skip locked),
     activated as (
       update engine_jobs j
          set state = 'ACTIVATED', worker = ?, deadline = ?, retry_backoff_until = null
         from candidates c
        where j.key = c.key
       returning j.*),
     logged as (
       insert into engine_records (key, record_type, value_type, intent, process_instance_key, bpmn_process_id, element_id, timestamp, value)
       select key, 'EVENT', 'JOB', 'ACTIVATED', process_instance_key, bpmn_process_id, element_id, ?,
              jsonb_build_object('type', type, 'worker', worker, 'deadline', ?::bigint, 'elementInstanceKey', element_instance_key::text)
         from activated),
     chain(job_key, scope_key, depth) as (
       select a.key, a.element_instance_key, 0 from activated a
       union all
       select c.job_key, e.flow_scope_key, c.depth + 1
         from chain c join engine_element_instances e on e.key = c.scope_key
        where e.flow_scope_key is not null),
     visible as (
       select distinct on (c.job_key, v.name) c.job_key, v.name, v.value
         from chain c join engine_variables v on v.scope_key = c.scope_key
        where ?::text[] is null or v.name = any(?::text[])
        order by c.job_key, v.name, c.depth)
     select a.*,
            (select '{' || string_agg(to_json(s.name)::text || ':' || s.value, ',' order by s.name) || '}'
               from visible s where s.job_key = a.key) as variables
       from activated a`,
    [
      command.type,
      command.tenantIds?.length ? command.tenantIds : ['<default>'],
      nowDate,
      nowDate,
      command.maxJobsToActivate,
      command.worker,
      deadline,
      nowDate,
      deadline.getTime(),
      names,
      names,
    ],
  );
  const rows = result.rows.sort((a, b) => (BigInt(a.key) < BigInt(b.key) ? -1 : 1));
  return rows.map((row) => ({
    key: String(row.key),
    type: row.type,
    processInstanceKey: String(row.process_instance_key),
    bpmnProcessId: row.bpmn_process_id,
    processDefinitionVersion: row.process_definition_version,
    processDefinitionKey: String(row.process_definition_key),
    elementId: row.element_id,
    elementInstanceKey: String(row.element_instance_key),
    customHeaders: (typeof row.custom_headers === 'string' ? JSON.parse(row.custom_headers) : row.custom_headers) as Record<string, string>,
    worker: command.worker,
    retries: row.retries,
    deadline: new Date(row.deadline).getTime(),
    variables: row.variables ? (JSON.parse(row.variables) as Record<string, JsonValue>) : {},
    tenantId: row.tenant_id,
  }));
}
