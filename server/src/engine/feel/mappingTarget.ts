/**
 * zeebe:input / zeebe:output targets such as `order.customer.name`: the first segment names the
 * variable that is written; the rest is a path of nested contexts inside it.
 */
import type { JsonValue } from './types.js';

type JsonObject = { [key: string]: JsonValue };

/** Why a target cannot be used (checked at deployment), or undefined when it is fine. */
export function checkMappingTarget(target: string): string | undefined {
  const segments = target.split('.').map((segment) => segment.trim());
  if (segments.some((segment) => segment === '')) {
    return `Expected a variable name or a dotted path of names as mapping target, but found '${target}'.`;
  }
  return undefined;
}

/**
 * The top-level variable to write for `target = value`. Existing contexts along the path are
 * copied and extended (siblings survive); anything else on the path is replaced by a new context.
 * `existing` returns the variable's current value (undefined when there is none); it is not mutated.
 */
export function applyMappingTarget(
  target: string,
  value: JsonValue,
  existing: (name: string) => JsonValue | undefined,
): { name: string; value: JsonValue } {
  const [name = target, ...path] = target.split('.').map((segment) => segment.trim());
  if (path.length === 0) return { name, value };
  return { name, value: withPath(existing(name), path, value) };
}

function withPath(
  base: JsonValue | undefined,
  path: readonly string[],
  value: JsonValue,
): JsonValue {
  const [key, ...rest] = path;
  if (key === undefined) return value;
  const copy: JsonObject = isJsonObject(base) ? { ...base } : {};
  // defineProperty keeps a key such as `__proto__` an ordinary entry.
  Object.defineProperty(copy, key, {
    value: withPath(copy[key], rest, value),
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return copy;
}

function isJsonObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
