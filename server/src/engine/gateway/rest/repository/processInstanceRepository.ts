import type { Database } from '../../../../db/database.js';
import type { InstanceState } from '../schemas/enums.js';
import type {
  ProcessInstanceFilter,
  ProcessInstanceSearch,
} from '../schemas/processInstanceSearch.js';
import type { SearchResponse } from '../schemas/searchRequest.js';
import { compact, isoDate, key, optionalIsoDate, optionalKey } from './rowValues.js';
import {
  and,
  columnsOf,
  condition,
  filterSql,
  or,
  runSearch,
  type FieldMap,
  type SqlFragment,
} from './searchSql.js';

/** A process instance as Camunda 8.8's REST API shows it. */
export interface ProcessInstanceResult {
  processInstanceKey: string;
  processDefinitionId: string;
  processDefinitionName: string;
  processDefinitionVersion: number;
  processDefinitionVersionTag?: string;
  processDefinitionKey: string;
  parentProcessInstanceKey?: string;
  parentElementInstanceKey?: string;
  startDate: string;
  endDate?: string;
  state: InstanceState;
  hasIncident: boolean;
  tenantId: string;
}

// The process instance is its own element instance row: type PROCESS, key = process_instance_key.
const ELEMENTS_OF_INSTANCE =
  'engine_element_instances ei where ei.process_instance_key = pi.key and ei.key <> pi.key';
const OPEN_INCIDENTS_OF_INSTANCE =
  "engine_incidents inc where inc.process_instance_key = pi.key and inc.state = 'ACTIVE'";
const OPEN_JOBS_OF_INSTANCE =
  "engine_jobs j where j.process_instance_key = pi.key and j.state in ('ACTIVATABLE', 'ACTIVATED')";
const apiState = (column: string) =>
  `(case when ${column} in ('COMPLETED', 'TERMINATED') then ${column} else 'ACTIVE' end)`;

const fields: FieldMap = {
  processInstanceKey: { sql: 'pi.key' },
  processDefinitionId: { sql: 'pi.bpmn_process_id' },
  processDefinitionName: { sql: 'coalesce(pd.name, pi.bpmn_process_id)' },
  processDefinitionVersion: { sql: 'pi.version' },
  // Version tags are not kept: every instance has none.
  processDefinitionVersionTag: { sql: 'cast(null as text)' },
  processDefinitionKey: { sql: 'pi.process_definition_key' },
  parentProcessInstanceKey: { sql: 'pi.parent_process_instance_key' },
  parentElementInstanceKey: { sql: 'pi.parent_element_instance_key' },
  startDate: { sql: 'pi.start_date' },
  endDate: { sql: 'pi.end_date' },
  state: { sql: apiState('pi.state') },
  hasIncident: { sql: `exists (select 1 from ${OPEN_INCIDENTS_OF_INSTANCE})` },
  tenantId: { sql: 'pi.tenant_id' },
  errorMessage: { sql: 'inc.error_message', within: OPEN_INCIDENTS_OF_INSTANCE },
  hasRetriesLeft: {
    sql: 'j.error_message is not null and j.retries > 0',
    within: OPEN_JOBS_OF_INSTANCE,
  },
  elementId: { sql: 'ei.element_id', within: ELEMENTS_OF_INSTANCE },
  elementInstanceState: { sql: apiState('ei.state'), within: ELEMENTS_OF_INSTANCE },
  hasElementInstanceIncident: { sql: 'ei.incident_key is not null', within: ELEMENTS_OF_INSTANCE },
};

const columns = columnsOf(fields);

/** Reads process instances straight from the engine tables. */
export class ProcessInstanceRepository {
  constructor(private readonly db: Database) {}

  async search(request: ProcessInstanceSearch): Promise<SearchResponse<ProcessInstanceResult>> {
    const { rows, page } = await runSearch({
      db: this.db,
      base: () => this.base(),
      fields,
      columns,
      where: request.filter ? whereOf(request.filter) : and([]),
      sort: request.sort,
      page: request.page,
      keyField: 'processInstanceKey',
    });
    return { items: rows.map(toResult), page };
  }

  async get(processInstanceKey: string): Promise<ProcessInstanceResult | undefined> {
    const { items } = await this.search({
      filter: { processInstanceKey: { $eq: processInstanceKey } },
      sort: [],
      page: { kind: 'offset', from: 0, limit: 1 },
    });
    return items[0];
  }

  private base() {
    return this.db({ pi: 'engine_element_instances' })
      .leftJoin({ pd: 'engine_process_definitions' }, 'pd.key', 'pi.process_definition_key')
      .where('pi.element_type', 'PROCESS');
  }
}

function whereOf(filter: ProcessInstanceFilter): SqlFragment {
  const { $or: alternatives, variables, ...fieldFilters } = filter;
  const fragments = [filterSql(fields, fieldFilters), ...(variables ?? []).map(variableSql)];
  if (alternatives?.length)
    fragments.push(or(alternatives.map((alternative) => whereOf(alternative))));
  return and(fragments);
}

/** A variable of this name, in any scope of the instance, whose JSON text matches. */
function variableSql({
  name,
  value,
}: NonNullable<ProcessInstanceFilter['variables']>[number]): SqlFragment {
  const matches = condition('v.value', value);
  return {
    sql: `exists (select 1 from engine_variables v where v.process_instance_key = pi.key and v.name = ? and ${matches.sql})`,
    bindings: [name, ...matches.bindings],
  };
}

function toResult(row: Record<string, unknown>): ProcessInstanceResult {
  return compact({
    processInstanceKey: key(row.processInstanceKey),
    processDefinitionId: String(row.processDefinitionId),
    processDefinitionName: String(row.processDefinitionName),
    processDefinitionVersion: Number(row.processDefinitionVersion),
    processDefinitionKey: key(row.processDefinitionKey),
    parentProcessInstanceKey: optionalKey(row.parentProcessInstanceKey),
    parentElementInstanceKey: optionalKey(row.parentElementInstanceKey),
    startDate: isoDate(row.startDate),
    endDate: optionalIsoDate(row.endDate),
    state: row.state as InstanceState,
    hasIncident: Boolean(row.hasIncident),
    tenantId: String(row.tenantId),
  });
}
