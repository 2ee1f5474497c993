/** Converters from database values (as node-postgres and PGlite return them) to the API's JSON. */

/** A scalar column as text: int8 arrives as a string, integers and booleans as themselves. */
export function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean')
    return value.toString();
  throw new Error(
    `Expected a scalar value from the database, but got ${value === null ? 'null' : typeof value}`,
  );
}

/** Keys are int8: strings from both drivers, kept as strings (JavaScript numbers lose precision). */
export const key = text;

export function optionalKey(value: unknown): string | undefined {
  return value === null || value === undefined ? undefined : text(value);
}

/** timestamptz arrives as a Date (or, from some drivers, as text): always ISO 8601 in UTC. */
export function isoDate(value: unknown): string {
  return (value instanceof Date ? value : new Date(String(value))).toISOString();
}

export function optionalIsoDate(value: unknown): string | undefined {
  return value === null || value === undefined ? undefined : isoDate(value);
}

export function optionalString(value: unknown): string | undefined {
  return value === null || value === undefined ? undefined : text(value);
}

/** jsonb arrives parsed from node-postgres, and may arrive as text elsewhere. */
export function json<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

/** Leaves out the properties whose value is undefined, as Camunda omits absent optional fields. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
