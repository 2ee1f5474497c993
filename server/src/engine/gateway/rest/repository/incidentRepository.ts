import type { Database } from '../../../../db/database.js';
import {
  INCIDENT_ERROR_TYPES,
  type IncidentErrorType,
  type IncidentState,
} from '../schemas/enums.js';
import type { IncidentSearch } from '../schemas/incidentSearch.js';
import type { SearchResponse } from '../schemas/searchRequest.js';
import { compact, isoDate, key, optionalKey } from './rowValues.js';
import { and, columnsOf, filterSql, runSearch, type FieldMap } from './searchSql.js';

/** An incident as Camunda 8.8's REST API shows it. */
export interface IncidentResult {
  incidentKey: string;
  processDefinitionKey: string;
  processDefinitionId: string;
  processInstanceKey: string;
  errorType: IncidentErrorType;
  errorMessage: string;
  elementId: string;
  elementInstanceKey: string;
  creationTime: string;
  state: IncidentState;
  jobKey?: string;
  tenantId: string;
}

const fields: FieldMap = {
  incidentKey: { sql: 'inc.key' },
  processDefinitionKey: { sql: 'inc.process_definition_key' },
  processDefinitionId: { sql: 'inc.bpmn_process_id' },
  processInstanceKey: { sql: 'inc.process_instance_key' },
  errorType: { sql: 'inc.error_type' },
  errorMessage: { sql: 'inc.error_message' },
  elementId: { sql: 'inc.element_id' },
  elementInstanceKey: { sql: 'inc.element_instance_key' },
  creationTime: { sql: 'inc.created_at' },
  // The engine writes ACTIVE and RESOLVED, which Camunda spells the same.
  state: { sql: 'inc.state' },
  jobKey: { sql: 'inc.job_key' },
  tenantId: { sql: 'inc.tenant_id' },
};

const columns = columnsOf(fields);
const knownErrorTypes: ReadonlySet<string> = new Set(INCIDENT_ERROR_TYPES);

/** Reads incidents straight from the engine tables. */
export class IncidentRepository {
  constructor(private readonly db: Database) {}

  async search(request: IncidentSearch): Promise<SearchResponse<IncidentResult>> {
    const { rows, page } = await runSearch({
      db: this.db,
      base: () => this.db({ inc: 'engine_incidents' }),
      fields,
      columns,
      where: request.filter ? filterSql(fields, request.filter) : and([]),
      sort: request.sort,
      page: request.page,
      keyField: 'incidentKey',
    });
    return { items: rows.map(toResult), page };
  }
}

function toResult(row: Record<string, unknown>): IncidentResult {
  const errorType = String(row.errorType);
  return compact({
    incidentKey: key(row.incidentKey),
    processDefinitionKey: key(row.processDefinitionKey),
    processDefinitionId: String(row.processDefinitionId),
    processInstanceKey: key(row.processInstanceKey),
    errorType: (knownErrorTypes.has(errorType) ? errorType : 'UNKNOWN') as IncidentErrorType,
    errorMessage: String(row.errorMessage),
    elementId: String(row.elementId),
    elementInstanceKey: key(row.elementInstanceKey),
    creationTime: isoDate(row.creationTime),
    state: row.state as IncidentState,
    jobKey: optionalKey(row.jobKey),
    tenantId: String(row.tenantId),
  });
}
