import type { Database } from '../../../../db/database.js';
import type { SearchResponse } from '../schemas/searchRequest.js';
import type { VariableSearch } from '../schemas/variableSearch.js';
import { key } from './rowValues.js';
import { and, columnsOf, filterSql, runSearch, type FieldMap } from './searchSql.js';

/** Values longer than this many characters are cut in search results, as Camunda does by default. */
export const VARIABLE_VALUE_LIMIT = 8191;

/** A variable as Camunda 8.8's REST API shows it: the value is its JSON text. */
export interface VariableResult {
  variableKey: string;
  name: string;
  value: string;
  isTruncated: boolean;
  scopeKey: string;
  processInstanceKey: string;
  tenantId: string;
}

const IS_TRUNCATED = `length(v.value) > ${VARIABLE_VALUE_LIMIT}`;

const fields: FieldMap = {
  variableKey: { sql: 'v.key' },
  name: { sql: 'v.name' },
  value: { sql: 'v.value' },
  isTruncated: { sql: IS_TRUNCATED },
  scopeKey: { sql: 'v.scope_key' },
  processInstanceKey: { sql: 'v.process_instance_key' },
  tenantId: { sql: 'v.tenant_id' },
};

/** Reads variables straight from the engine tables. */
export class VariableRepository {
  constructor(private readonly db: Database) {}

  async search(
    request: VariableSearch,
    options: { truncateValues: boolean },
  ): Promise<SearchResponse<VariableResult>> {
    // Filters and sorting always see the full value; only the answer is cut.
    const value = options.truncateValues
      ? `substr(v.value, 1, ${VARIABLE_VALUE_LIMIT})`
      : 'v.value';
    const isTruncated = options.truncateValues ? IS_TRUNCATED : 'false';
    const { rows, page } = await runSearch({
      db: this.db,
      base: () => this.db({ v: 'engine_variables' }),
      fields,
      columns: { ...columnsOf(fields), value, isTruncated },
      where: request.filter ? filterSql(fields, request.filter) : and([]),
      sort: request.sort,
      page: request.page,
      keyField: 'variableKey',
    });
    return { items: rows.map(toResult), page };
  }
}

function toResult(row: Record<string, unknown>): VariableResult {
  return {
    variableKey: key(row.variableKey),
    name: String(row.name),
    value: String(row.value),
    isTruncated: Boolean(row.isTruncated),
    scopeKey: key(row.scopeKey),
    processInstanceKey: key(row.processInstanceKey),
    tenantId: String(row.tenantId),
  };
}
