import type { Database } from '../../../../db/database.js';
import type { ElementInstanceSearch } from '../schemas/elementInstanceSearch.js';
import type { ElementInstanceType, InstanceState } from '../schemas/enums.js';
import type { SearchResponse } from '../schemas/searchRequest.js';
import { compact, isoDate, key, optionalIsoDate, optionalKey } from './rowValues.js';
import { and, columnsOf, filterSql, runSearch, type FieldMap } from './searchSql.js';

/** An element (flow node) instance as Camunda 8.8's REST API shows it. */
export interface ElementInstanceResult {
  elementInstanceKey: string;
  processInstanceKey: string;
  processDefinitionKey: string;
  processDefinitionId: string;
  elementId: string;
  elementName: string;
  type: ElementInstanceType;
  state: InstanceState;
  hasIncident: boolean;
  incidentKey?: string;
  tenantId: string;
  startDate: string;
  endDate?: string;
}

const fields: FieldMap = {
  elementInstanceKey: { sql: 'ei.key' },
  processInstanceKey: { sql: 'ei.process_instance_key' },
  processDefinitionKey: { sql: 'ei.process_definition_key' },
  processDefinitionId: { sql: 'ei.bpmn_process_id' },
  elementId: { sql: 'ei.element_id' },
  // Camunda shows the id of an element that has no name.
  elementName: { sql: 'coalesce(ei.element_name, ei.element_id)' },
  type: { sql: 'ei.element_type' },
  // ACTIVATING, ACTIVATED, COMPLETING and TERMINATING are all still ACTIVE to the API.
  state: {
    sql: "(case when ei.state in ('COMPLETED', 'TERMINATED') then ei.state else 'ACTIVE' end)",
  },
  hasIncident: { sql: 'ei.incident_key is not null' },
  incidentKey: { sql: 'ei.incident_key' },
  tenantId: { sql: 'ei.tenant_id' },
  startDate: { sql: 'ei.start_date' },
  endDate: { sql: 'ei.end_date' },
  elementInstanceScopeKey: { sql: 'ei.flow_scope_key' },
};

const columns = columnsOf(fields, ['elementInstanceScopeKey']);

/** Reads element instances straight from the engine tables. */
export class ElementInstanceRepository {
  constructor(private readonly db: Database) {}

  async search(request: ElementInstanceSearch): Promise<SearchResponse<ElementInstanceResult>> {
    const { rows, page } = await runSearch({
      db: this.db,
      // Like Camunda, the process itself is a process instance, not one of its element instances.
      base: () =>
        this.db({ ei: 'engine_element_instances' }).whereNot('ei.element_type', 'PROCESS'),
      fields,
      columns,
      where: request.filter ? filterSql(fields, request.filter) : and([]),
      sort: request.sort,
      page: request.page,
      keyField: 'elementInstanceKey',
    });
    return { items: rows.map(toResult), page };
  }
}

function toResult(row: Record<string, unknown>): ElementInstanceResult {
  return compact({
    elementInstanceKey: key(row.elementInstanceKey),
    processInstanceKey: key(row.processInstanceKey),
    processDefinitionKey: key(row.processDefinitionKey),
    processDefinitionId: String(row.processDefinitionId),
    elementId: String(row.elementId),
    elementName: String(row.elementName),
    type: row.type as ElementInstanceType,
    state: row.state as InstanceState,
    hasIncident: Boolean(row.hasIncident),
    incidentKey: optionalKey(row.incidentKey),
    tenantId: String(row.tenantId),
    startDate: isoDate(row.startDate),
    endDate: optionalIsoDate(row.endDate),
  });
}
