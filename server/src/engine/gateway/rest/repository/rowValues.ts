/** Converters from database values (as node-postgres and PGlite return them) to the API's JSON. */

/** int8 columns arrive as strings; anything else is made one. */
export function key(value: unknown): string {
  return String(value);
}

export function optionalKey(value: unknown): string | undefined {
  return value === null || value === undefined ? undefined : String(value);
}

/** timestamptz arrives as a Date (or, from some drivers, as text): always ISO 8601 in UTC. */
export function isoDate(value: unknown): string {
  return (value instanceof Date ? value : new Date(String(value))).toISOString();
}

export function optionalIsoDate(value: unknown): string | undefined {
  return value === null || value === undefined ? undefined : isoDate(value);
}

export function optionalString(value: unknown): string | undefined {
  return value === null || value === undefined ? undefined : String(value);
}

/** jsonb arrives parsed from node-postgres, and may arrive as text elsewhere. */
export function json<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

/** Leaves out the properties whose value is undefined, as Camunda omits absent optional fields. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
