import type { ExecutableProcess } from './types.js';

/**
 * Deployed models are shared by every instance of every command, so they are frozen: a bug that
 * writes to one fails loudly instead of changing a running process. Compiled expressions are
 * left alone (they belong to the FEEL module); the Maps are exposed as ReadonlyMap only.
 */
export function freezeModel(process: ExecutableProcess): ExecutableProcess {
  for (const element of process.elements.values()) deepFreeze(element);
  for (const flow of process.flows.values()) deepFreeze(flow);
  return Object.freeze(process);
}

function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value) || isExpression(value))
    return;
  for (const nested of Object.values(value)) deepFreeze(nested);
  Object.freeze(value);
}

function isExpression(value: object): boolean {
  return typeof (value as { evaluate?: unknown }).evaluate === 'function';
}
