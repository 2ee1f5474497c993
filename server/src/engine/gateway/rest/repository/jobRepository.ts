import type { Database } from '../../../../db/database.js';
import type { JobKind, JobListenerEventType, JobState } from '../schemas/enums.js';
import type { JobSearch } from '../schemas/jobSearch.js';
import type { SearchResponse } from '../schemas/searchRequest.js';
import { compact, json, key, optionalIsoDate, optionalString } from './rowValues.js';
import { and, columnsOf, filterSql, runSearch, type FieldMap } from './searchSql.js';

/** A job as Camunda 8.8's REST API shows it. */
export interface JobResult {
  jobKey: string;
  type: string;
  worker: string;
  state: JobState;
  kind: JobKind;
  listenerEventType: JobListenerEventType;
  retries: number;
  isDenied: boolean | null;
  deniedReason: string | null;
  hasFailedWithRetriesLeft: boolean;
  errorCode: string | null;
  errorMessage: string | null;
  customHeaders: Record<string, string>;
  deadline: string | null;
  endTime?: string;
  processDefinitionId: string;
  processDefinitionKey: string;
  processInstanceKey: string;
  elementId: string;
  elementInstanceKey: string;
  tenantId: string;
}

const OPEN = "j.state in ('ACTIVATABLE', 'ACTIVATED')";

const fields: FieldMap = {
  jobKey: { sql: 'j.key' },
  type: { sql: 'j.type' },
  worker: { sql: "coalesce(j.worker, '')" },
  // Activation is not a state in Camunda. An open job that has failed before (and got its retries
  // back, or is waiting out its back-off) is FAILED; otherwise CREATED.
  state: {
    sql: `(case when ${OPEN} and j.error_message is not null then 'FAILED' when ${OPEN} then 'CREATED' else j.state end)`,
  },
  kind: { sql: 'j.kind' },
  // Execution and task listeners are not supported, so no job has a listener event.
  listenerEventType: { sql: "'UNSPECIFIED'" },
  retries: { sql: 'j.retries' },
  isDenied: { sql: 'cast(null as boolean)' },
  deniedReason: { sql: 'cast(null as text)' },
  hasFailedWithRetriesLeft: { sql: `(${OPEN} and j.error_message is not null and j.retries > 0)` },
  errorCode: { sql: 'j.error_code' },
  errorMessage: { sql: 'j.error_message' },
  customHeaders: { sql: 'j.custom_headers' },
  deadline: { sql: 'j.deadline' },
  endTime: { sql: 'j.ended_at' },
  processDefinitionId: { sql: 'j.bpmn_process_id' },
  processDefinitionKey: { sql: 'j.process_definition_key' },
  processInstanceKey: { sql: 'j.process_instance_key' },
  elementId: { sql: 'j.element_id' },
  elementInstanceKey: { sql: 'j.element_instance_key' },
  tenantId: { sql: 'j.tenant_id' },
};

const columns = columnsOf(fields);

/** Reads jobs straight from the engine tables. */
export class JobRepository {
  constructor(private readonly db: Database) {}

  async search(request: JobSearch): Promise<SearchResponse<JobResult>> {
    const { rows, page } = await runSearch({
      db: this.db,
      base: () => this.db({ j: 'engine_jobs' }),
      fields,
      columns,
      where: request.filter ? filterSql(fields, request.filter) : and([]),
      sort: request.sort,
      page: request.page,
      keyField: 'jobKey',
    });
    return { items: rows.map(toResult), page };
  }
}

function toResult(row: Record<string, unknown>): JobResult {
  return compact({
    jobKey: key(row.jobKey),
    type: String(row.type),
    worker: String(row.worker),
    state: row.state as JobState,
    kind: row.kind as JobKind,
    listenerEventType: row.listenerEventType as JobListenerEventType,
    retries: Number(row.retries),
    isDenied: null,
    deniedReason: null,
    hasFailedWithRetriesLeft: Boolean(row.hasFailedWithRetriesLeft),
    errorCode: optionalString(row.errorCode) ?? null,
    errorMessage: optionalString(row.errorMessage) ?? null,
    customHeaders: json<Record<string, string>>(row.customHeaders),
    deadline: optionalIsoDate(row.deadline) ?? null,
    endTime: optionalIsoDate(row.endTime),
    processDefinitionId: String(row.processDefinitionId),
    processDefinitionKey: key(row.processDefinitionKey),
    processInstanceKey: key(row.processInstanceKey),
    elementId: String(row.elementId),
    elementInstanceKey: key(row.elementInstanceKey),
    tenantId: String(row.tenantId),
  });
}
