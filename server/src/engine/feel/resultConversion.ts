/**
 * Turns a feelin result into the JSON Zeebe would store, or says why it has no JSON form
 * (functions, ranges, numbers JSON cannot hold).
 */
import type { JsonValue, ResultType } from './types.js';
import {
  dateTimeType,
  durationType,
  formatDateTime,
  formatDuration,
  isFeelDateTime,
  isFeelDuration,
} from './temporal.js';

export type Conversion =
  { ok: true; value: JsonValue; type: ResultType } | { ok: false; problem: string };

export function convertResult(value: unknown): Conversion {
  const json = toJson(value);
  if (json instanceof Problem) return { ok: false, problem: json.problem };
  return { ok: true, value: json, type: resultTypeOf(value) };
}

/** Only called for values `toJson` accepted. */
function resultTypeOf(value: unknown): ResultType {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'boolean') return 'BOOLEAN';
  if (typeof value === 'number') return 'NUMBER';
  if (typeof value === 'string') return 'STRING';
  if (Array.isArray(value)) return 'ARRAY';
  if (isFeelDateTime(value)) return dateTimeType(value);
  if (isFeelDuration(value)) return durationType(value);
  return 'OBJECT';
}

/** Marks a failed conversion; a class so that no JSON value can be mistaken for it. */
class Problem {
  constructor(readonly problem: string) {}
}

function toJson(value: unknown): JsonValue | Problem {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'boolean':
    case 'string':
      return value;
    case 'number':
      return Number.isFinite(value)
        ? value
        : new Problem(`the result contains the number ${value}, which has no JSON form`);
    case 'function':
      return new Problem('the result is a function, which cannot be stored as a variable');
    case 'object':
      return objectToJson(value);
    default:
      return new Problem(
        `the result contains a value of type '${typeof value}', which has no JSON form`,
      );
  }
}

function objectToJson(value: object): JsonValue | Problem {
  if (Array.isArray(value)) {
    const items: JsonValue[] = [];
    for (const item of value as unknown[]) {
      const converted = toJson(item);
      if (converted instanceof Problem) return converted;
      items.push(converted);
    }
    return items;
  }
  if (isFeelDateTime(value) || isFeelDuration(value)) {
    if (!value.isValid) return new Problem('the result is an invalid date, time or duration');
    return isFeelDateTime(value) ? formatDateTime(value) : formatDuration(value);
  }
  if (!isPlainObject(value)) {
    // feelin's ranges and function wrappers are class instances; contexts are plain objects.
    const what =
      'invoke' in value
        ? 'a function'
        : 'start included' in value
          ? 'a range'
          : 'a value of an unknown type';
    return new Problem(`the result is ${what}, which cannot be stored as a variable`);
  }
  const entries: [string, JsonValue][] = [];
  for (const [key, entry] of Object.entries(value)) {
    const converted = toJson(entry);
    if (converted instanceof Problem) return converted;
    entries.push([key, converted]);
  }
  // fromEntries defines properties, so a key such as `__proto__` stays an ordinary entry.
  return Object.fromEntries(entries);
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
