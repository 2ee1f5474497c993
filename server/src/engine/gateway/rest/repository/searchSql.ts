import type { Knex } from 'knex';
import { invalidArgument } from '../problemDetail.js';
import type { FilterValue, Operators } from '../schemas/filterSchemas.js';
import type { PageRequest, PageResponse, SortCriterion } from '../schemas/searchRequest.js';

/**
 * Turns a validated search request into parameterised SQL. Each API field maps to a fixed SQL
 * expression written in a repository (never to text from the request); values always travel as
 * bindings.
 */
export interface FieldSql {
  /** The expression, over the aliases of the repository's FROM clause. */
  sql: string;
  /**
   * For fields about related rows (an instance's incidents, jobs, elements): the FROM and
   * correlating WHERE of an EXISTS subquery. Fields that share it are matched on the same row.
   */
  within?: string;
}

export type FieldMap = Readonly<Record<string, FieldSql>>;

/** A piece of WHERE clause with its bindings. */
export interface SqlFragment {
  sql: string;
  bindings: Knex.Value[];
}

const TRUE: SqlFragment = { sql: 'true', bindings: [] };

export function and(fragments: SqlFragment[]): SqlFragment {
  if (fragments.length === 0) return TRUE;
  return {
    sql: fragments.map((f) => `(${f.sql})`).join(' and '),
    bindings: fragments.flatMap((f) => f.bindings),
  };
}

export function or(fragments: SqlFragment[]): SqlFragment {
  if (fragments.length === 0) return TRUE;
  return {
    sql: fragments.map((f) => `(${f.sql})`).join(' or '),
    bindings: fragments.flatMap((f) => f.bindings),
  };
}

/** Camunda's like pattern (`*`, `?`, backslash escapes) as a SQL LIKE pattern with `\` as escape. */
export function likePattern(camunda: string): string {
  let pattern = '';
  for (let i = 0; i < camunda.length; i++) {
    const char = camunda[i]!;
    if (char === '\\' && i + 1 < camunda.length) {
      const next = camunda[++i]!;
      pattern += next === '%' || next === '_' || next === '\\' ? `\\${next}` : next;
    } else if (char === '*') pattern += '%';
    else if (char === '?') pattern += '_';
    else if (char === '%' || char === '_' || char === '\\') pattern += `\\${char}`;
    else pattern += char;
  }
  return pattern;
}

const placeholders = (values: readonly unknown[]) => values.map(() => '?').join(', ');

/** The condition one filter property puts on one expression. */
export function condition(sql: string, value: FilterValue): SqlFragment {
  if (typeof value === 'boolean') return { sql: value ? `(${sql})` : `not (${sql})`, bindings: [] };
  // Values were validated by the request schemas: strings, numbers or booleans.
  const ops = value as Operators<Knex.Value>;
  const parts: SqlFragment[] = [];
  if (ops.$eq !== undefined) parts.push({ sql: `${sql} = ?`, bindings: [ops.$eq] });
  if (ops.$neq !== undefined)
    parts.push({ sql: `${sql} is null or ${sql} <> ?`, bindings: [ops.$neq] });
  if (ops.$exists !== undefined)
    parts.push({ sql: `${sql} is ${ops.$exists ? 'not ' : ''}null`, bindings: [] });
  if (ops.$in !== undefined) {
    parts.push(
      ops.$in.length === 0
        ? { sql: 'false', bindings: [] }
        : { sql: `${sql} in (${placeholders(ops.$in)})`, bindings: ops.$in },
    );
  }
  if (ops.$notIn !== undefined && ops.$notIn.length > 0) {
    parts.push({
      sql: `${sql} is null or ${sql} not in (${placeholders(ops.$notIn)})`,
      bindings: ops.$notIn,
    });
  }
  if (ops.$like !== undefined)
    parts.push({ sql: `${sql} like ? escape '\\'`, bindings: [likePattern(ops.$like)] });
  for (const [op, comparator] of [
    ['$gt', '>'],
    ['$gte', '>='],
    ['$lt', '<'],
    ['$lte', '<='],
  ] as const) {
    const bound = ops[op];
    if (bound !== undefined) parts.push({ sql: `${sql} ${comparator} ?`, bindings: [bound] });
  }
  return and(parts);
}

/** All the properties of a filter object, AND-ed; related-row fields become EXISTS subqueries. */
export function filterSql(
  fields: FieldMap,
  filter: Readonly<Record<string, unknown>>,
): SqlFragment {
  const direct: SqlFragment[] = [];
  const related = new Map<string, SqlFragment[]>();
  for (const [name, value] of Object.entries(filter)) {
    if (value === undefined) continue;
    const field = fields[name];
    if (!field) throw new Error(`No SQL for filter field '${name}'`);
    const fragment = condition(field.sql, value as FilterValue);
    if (field.within) related.set(field.within, [...(related.get(field.within) ?? []), fragment]);
    else direct.push(fragment);
  }
  for (const [within, fragments] of related) {
    const inner = and(fragments);
    direct.push({
      sql: `exists (select 1 from ${within} and ${inner.sql})`,
      bindings: inner.bindings,
    });
  }
  return and(direct);
}

/** The output columns of a search: every field that is not about related rows, minus `filterOnly`. */
export function columnsOf(
  fields: FieldMap,
  filterOnly: readonly string[] = [],
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(fields)
      .filter(([name, field]) => !field.within && !filterOnly.includes(name))
      .map(([name, field]) => [name, field.sql]),
  );
}

/** Cursors are opaque to clients: the position of a row in the sorted result, base64 encoded. */
export function encodeCursor(index: number): string {
  return Buffer.from(JSON.stringify({ index })).toString('base64');
}

function decodeCursor(cursor: string): number {
  try {
    const decoded = JSON.parse(Buffer.from(cursor, 'base64').toString('utf8')) as {
      index?: unknown;
    };
    if (typeof decoded.index === 'number' && Number.isInteger(decoded.index) && decoded.index >= 0)
      return decoded.index;
  } catch {
    // not JSON: rejected below like any other foreign cursor
  }
  throw invalidArgument(
    `The cursor '${cursor}' is not one this API handed out; use the startCursor or endCursor of an earlier response`,
  );
}

/** Offset and limit of the rows a page request asks for. */
function window(page: PageRequest): { offset: number; limit: number } {
  if (page.kind === 'offset') return { offset: page.from, limit: page.limit };
  const index = decodeCursor(page.cursor);
  if (page.kind === 'after') return { offset: index + 1, limit: page.limit };
  const offset = Math.max(0, index - page.limit);
  return { offset, limit: index - offset };
}

export interface SearchSpec {
  db: Knex;
  /** A fresh query with FROM, joins and the resource's fixed conditions. */
  base: () => Knex.QueryBuilder;
  fields: FieldMap;
  /** Output columns: alias → SQL expression. */
  columns: Readonly<Record<string, string>>;
  where: SqlFragment;
  sort: SortCriterion[];
  page: PageRequest;
  /** The API field that identifies a row: the default sort and the tie-breaker. */
  keyField: string;
}

/** Runs one page of a search and counts all matches. */
export async function runSearch(
  spec: SearchSpec,
): Promise<{ rows: Record<string, unknown>[]; page: PageResponse }> {
  const { offset, limit } = window(spec.page);
  const sqlOf = (name: string) => {
    const field = spec.fields[name];
    if (!field || field.within) throw new Error(`Field '${name}' cannot be sorted on`);
    return field.sql;
  };
  const columns = Object.entries(spec.columns).map(([alias, sql]) => `${sql} as "${alias}"`);
  const query = spec
    .base()
    .whereRaw(spec.where.sql, spec.where.bindings)
    .select(spec.db.raw(columns.join(', ')));
  for (const { field, order } of spec.sort)
    query.orderByRaw(`${sqlOf(field)} ${order === 'DESC' ? 'desc' : 'asc'} nulls last`);
  if (!spec.sort.some((criterion) => criterion.field === spec.keyField))
    query.orderByRaw(`${sqlOf(spec.keyField)} asc`);
  // One after the other: PGlite is a single connection.
  const rows =
    limit > 0 ? ((await query.offset(offset).limit(limit)) as Record<string, unknown>[]) : [];
  const counted = await spec
    .base()
    .whereRaw(spec.where.sql, spec.where.bindings)
    .count<{ total: string | number }[]>({ total: '*' });
  const page: PageResponse = {
    totalItems: Number(counted[0]?.total ?? 0),
    hasMoreTotalItems: false,
  };
  if (rows.length > 0) {
    page.startCursor = encodeCursor(offset);
    page.endCursor = encodeCursor(offset + rows.length - 1);
  }
  return { rows, page };
}
