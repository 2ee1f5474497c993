/**
 * Camunda's FEEL extensions that feelin 6.1 lacks (it already has `string join`, `get value`,
 * `get entries`, `context put`, `context merge`), plus `now()`/`today()` bound to an injected
 * clock. They are handed to feelin as context entries, which take precedence over its built-ins.
 */
import { randomUUID } from 'node:crypto';
import { date as feelDate } from '@bpmn-io/feelin';
import type { JsonValue } from './types.js';
import { convertResult, isPlainObject } from './resultConversion.js';

/** What the functions of one evaluation may see. */
export interface FunctionEnvironment {
  readonly variables: Readonly<Record<string, JsonValue>>;
  readonly now: Date;
}

/** A function as feelin invokes it; `$args` names the parameters (feelin would otherwise parse the source). */
export type FeelFunction = ((...args: unknown[]) => unknown) & { $args: string[] };

/** `assert` failed: the evaluation stops with this cause. */
export class AssertionFailure extends Error {
  override name = 'AssertionFailure';
}

/** Internal target of the compile-time rewrite of `is defined(a.b)`; see isDefinedRewrite.ts. */
export const IS_DEFINED_PATH = '__zaakstroom_is_defined_path';

function feelFunction(
  parameters: string[],
  implementation: (...args: unknown[]) => unknown,
): FeelFunction {
  // A fresh function each time: `$args` must not be written onto a shared implementation.
  return Object.assign((...args: unknown[]) => implementation(...args), { $args: parameters });
}

const FACTORIES: Record<string, (env: FunctionEnvironment) => FeelFunction> = {
  now: (env) => feelFunction([], () => zonedNow(env.now)),
  today: (env) => feelFunction([], () => utcDate(env.now)),
  // A value that reaches the function exists (null included); paths are rewritten to IS_DEFINED_PATH.
  'is defined': () => feelFunction(['value'], () => true),
  [IS_DEFINED_PATH]: (env) =>
    feelFunction(['value', 'root', 'keys', 'bound', 'item'], (rootValue, root, keys, bound, item) =>
      pathExists(env, rootValue, root, keys, bound, item),
    ),
  'get or else': () =>
    feelFunction(['value', 'default'], (value, fallback) => value ?? fallback ?? null),
  assert: () =>
    feelFunction(['value', 'condition', 'cause'], (value, condition, cause) => {
      if (condition === true) return value;
      throw new AssertionFailure(
        cause === undefined || cause === null ? 'The condition is not fulfilled' : describe(cause),
      );
    }),
  'is empty': () =>
    feelFunction(['list'], (list) => (Array.isArray(list) ? list.length === 0 : null)),
  'is blank': () =>
    feelFunction(['string'], (text) => (typeof text === 'string' ? text.trim() === '' : null)),
  trim: () => feelFunction(['string'], (text) => (typeof text === 'string' ? text.trim() : null)),
  uuid: () => feelFunction([], () => randomUUID()),
  partition: () => feelFunction(['list', 'size'], partition),
  'to json': () =>
    feelFunction(['value'], (value) => {
      const converted = convertResult(value);
      return converted.ok ? JSON.stringify(converted.value) : null;
    }),
  'from json': () => feelFunction(['value'], fromJson),
};

export const CAMUNDA_FUNCTION_NAMES: readonly string[] = Object.keys(FACTORIES);

/** The functions among `names` (those an expression invokes), bound to this evaluation. */
export function camundaFunctions(
  names: readonly string[],
  env: FunctionEnvironment,
): Record<string, FeelFunction> {
  const functions: Record<string, FeelFunction> = {};
  for (const name of names) {
    const factory = FACTORIES[name];
    if (factory) functions[name] = factory(env);
  }
  return functions;
}

/**
 * `is defined(root.k1.k2)` after the rewrite: the root's value, its name, the keys, whether the
 * root is bound locally (for/some/every/function parameter/context entry) and the filter item.
 * A null root still exists when it is bound, a key of the filter item, or a variable.
 */
function pathExists(
  env: FunctionEnvironment,
  rootValue: unknown,
  root: unknown,
  keys: unknown,
  bound: unknown,
  item: unknown,
): boolean {
  const name = String(root);
  const rootExists =
    (rootValue !== null && rootValue !== undefined) ||
    bound === true ||
    (isPlainObject(item) && Object.hasOwn(item, name)) ||
    Object.hasOwn(env.variables, name);
  if (!rootExists) return false;
  let current = rootValue;
  for (const key of Array.isArray(keys) ? (keys as unknown[]) : []) {
    if (Array.isArray(current)) return true; // a path on a list projects it: the result is a list
    if (!isPlainObject(current) || !Object.hasOwn(current, String(key))) return false;
    current = current[String(key)];
  }
  return true;
}

function describe(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function partition(list: unknown, size: unknown): unknown[][] | null {
  if (!Array.isArray(list) || typeof size !== 'number' || !Number.isInteger(size) || size < 1) {
    return null;
  }
  const parts: unknown[][] = [];
  for (let start = 0; start < list.length; start += size) {
    parts.push(list.slice(start, start + size) as unknown[]);
  }
  return parts;
}

function fromJson(text: unknown): unknown {
  if (typeof text !== 'string') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/**
 * A zoned date-time (region Etc/UTC, so feelin never mistakes it for a date at midnight).
 * feelin's typings refer to luxon's, which are not installed: its values stay opaque here.
 */
function zonedNow(now: Date): unknown {
  const value: unknown = feelDate(`${now.toISOString().slice(0, -1)}@Etc/UTC`);
  return value;
}

/** Today's date in UTC, the engine's zone. */
function utcDate(now: Date): unknown {
  const value: unknown = feelDate(now.toISOString().slice(0, 10));
  return value;
}
