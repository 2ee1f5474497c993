import type { VariableDocument } from '../../api.js';
import { invalidArgument } from './errorMapper.js';

/**
 * Checks on request fields before the engine sees them. Each failure is INVALID_ARGUMENT with a
 * message that names the field and says what was wrong.
 */

const POSITIVE_INT64 = /^[1-9]\d{0,18}$/;
const INT64_MAX = 9223372036854775807n;

/** A required key: a positive int64 in decimal. Zero is what an unset field decodes to. */
export function requireKey(field: string, value: string | undefined): string {
  const text = String(value ?? '');
  if (!POSITIVE_INT64.test(text) || BigInt(text) > INT64_MAX) {
    throw invalidArgument(`Expected '${field}' to be a positive 64-bit number (a key), but was '${text}'`);
  }
  return text;
}

/** An optional key: unset (zero) gives undefined. */
export function optionalKey(field: string, value: string | undefined): string | undefined {
  return value === undefined || value === '' || value === '0' ? undefined : requireKey(field, value);
}

export function requireText(field: string, value: string | undefined): string {
  if (value === undefined || value.trim() === '') throw invalidArgument(`Expected '${field}' to be set, but it was blank`);
  return value;
}

/** An int64 count of milliseconds as a JavaScript number. */
export function toMillis(field: string, value: string | undefined): number {
  const millis = Number(value ?? 0);
  if (!Number.isSafeInteger(millis)) throw invalidArgument(`Expected '${field}' to be a duration in milliseconds, but was '${value}'`);
  return millis;
}

/**
 * A variables document: a JSON object, as Zeebe requires. Blank means "no variables".
 */
export function parseVariables(field: string, text: string | undefined): VariableDocument | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw invalidArgument(`Expected to parse '${field}' as a JSON object, but it is not valid JSON: ${reason}`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw invalidArgument(
      `Expected to parse '${field}' as a JSON object, but it was ${describeJson(parsed)}; variables must be a JSON object such as {"a": 1}`,
    );
  }
  return parsed as VariableDocument;
}

/** Same as parseVariables, with an empty document for blank. */
export function parseVariablesOrEmpty(field: string, text: string | undefined): VariableDocument {
  return parseVariables(field, text) ?? {};
}

function describeJson(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

/** Empty strings in repeated fields carry no meaning; an empty list means "not given". */
export function nonEmptyList(values: string[] | undefined): string[] | undefined {
  const list = (values ?? []).filter((value) => value !== '');
  return list.length ? list : undefined;
}

export function blankToUndefined(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
