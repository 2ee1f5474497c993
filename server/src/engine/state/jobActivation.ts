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
}

/**
 * Activates up to `maxJobsToActivate` jobs of a type in one statement. `SKIP LOCKED` means two
 * concurrent activations never hand out the same job; a job whose lock expired is activatable again.
 */
export async function activateJobs(db: Knex, command: ActivateJobsCommand, now: number): Promise<ActivatedJob[]> {
  const nowDate = new Date(now);
  const deadline = new Date(now + command.timeout);
  // One statement claims the jobs and appends their JOB ACTIVATED records to the log.
  const result = await db.raw<{ rows: ActivatedRow[] }>(
    `with candidates as (
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
         from activated)
     select * from activated`,
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
    ],
  );
  const rows = result.rows.sort((a, b) => (BigInt(a.key) < BigInt(b.key) ? -1 : 1));
  if (rows.length === 0) return [];
  const variables = await jobVariables(db, rows.map((row) => String(row.key)), command.fetchVariable);
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
    variables: variables.get(String(row.key)) ?? {},
    tenantId: row.tenant_id,
  }));
}

/** Variables visible from each job's element instance: nearest scope wins. */
async function jobVariables(db: Knex, jobKeys: string[], names: string[] | undefined): Promise<Map<string, Record<string, JsonValue>>> {
  const nameFilter = names?.length ? 'where v.name = any(?)' : '';
  const result = await db.raw<{ rows: { job_key: string; depth: number; name: string; value: string }[] }>(
    `with recursive chain(job_key, scope_key, depth) as (
       select j.key, j.element_instance_key, 0 from engine_jobs j where j.key = any(?::bigint[])
       union all
       select c.job_key, e.flow_scope_key, c.depth + 1
         from chain c join engine_element_instances e on e.key = c.scope_key
        where e.flow_scope_key is not null)
     select c.job_key, c.depth, v.name, v.value
       from chain c join engine_variables v on v.scope_key = c.scope_key
     ${nameFilter}
     order by c.job_key, c.depth desc`,
    names?.length ? [jobKeys, names] : [jobKeys],
  );
  const byJob = new Map<string, Record<string, JsonValue>>();
  for (const row of result.rows) {
    const jobKey = String(row.job_key);
    let variables = byJob.get(jobKey);
    if (!variables) byJob.set(jobKey, (variables = {}));
    // Rows come outermost scope first, so nearer scopes overwrite.
    variables[row.name] = JSON.parse(row.value) as JsonValue;
  }
  return byJob;
}
