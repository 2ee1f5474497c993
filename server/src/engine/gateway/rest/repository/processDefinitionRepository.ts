import type { Database } from '../../../../db/database.js';
import type { ProcessDefinitionSearch } from '../schemas/processDefinitionSearch.js';
import type { SearchResponse } from '../schemas/searchRequest.js';
import { compact, key } from './rowValues.js';
import { and, columnsOf, filterSql, runSearch, type FieldMap } from './searchSql.js';

/** A deployed process definition as Camunda 8.8's REST API shows it. */
export interface ProcessDefinitionResult {
  processDefinitionKey: string;
  processDefinitionId: string;
  name?: string;
  version: number;
  resourceName: string;
  tenantId: string;
}

const fields: FieldMap = {
  processDefinitionKey: { sql: 'd.key' },
  processDefinitionId: { sql: 'd.bpmn_process_id' },
  name: { sql: 'd.name' },
  version: { sql: 'd.version' },
  resourceName: { sql: 'd.resource_name' },
  tenantId: { sql: 'd.tenant_id' },
};

const columns = columnsOf(fields);

/** Reads deployed process definitions straight from the engine tables. */
export class ProcessDefinitionRepository {
  constructor(private readonly db: Database) {}

  async search(request: ProcessDefinitionSearch): Promise<SearchResponse<ProcessDefinitionResult>> {
    const { isLatestVersion, ...filter } = request.filter ?? {};
    const latestOnly = isLatestVersion
      ? [{ sql: 'd.version = (select max(l.version) from engine_process_definitions l where l.bpmn_process_id = d.bpmn_process_id and l.tenant_id = d.tenant_id)', bindings: [] }]
      : [];
    const { rows, page } = await runSearch({
      db: this.db,
      base: () => this.db({ d: 'engine_process_definitions' }),
      fields,
      columns,
      where: and([filterSql(fields, filter), ...latestOnly]),
      sort: request.sort,
      page: request.page,
      keyField: 'processDefinitionKey',
    });
    return { items: rows.map(toResult), page };
  }

  /** The BPMN XML exactly as it was deployed, or undefined when there is no such definition. */
  async xml(processDefinitionKey: string): Promise<string | undefined> {
    const row = (await this.db('engine_process_definitions')
      .select('xml')
      .where('key', processDefinitionKey)
      .first()) as { xml: string } | undefined;
    return row?.xml;
  }
}

function toResult(row: Record<string, unknown>): ProcessDefinitionResult {
  return compact({
    processDefinitionKey: key(row.processDefinitionKey),
    processDefinitionId: String(row.processDefinitionId),
    name: typeof row.name === 'string' ? row.name : undefined,
    version: Number(row.version),
    resourceName: String(row.resourceName),
    tenantId: String(row.tenantId),
  });
}
