import type { CompiledExpression } from '../../feel/types.js';
import type { Problems } from '../problems.js';

/**
 * Names of process start messages and signals are needed before any instance (and any variable)
 * exists: a FEEL name must evaluate without context, to a string, as in Zeebe.
 */
export function checkConstantName(
  elementId: string,
  name: CompiledExpression,
  what: string,
  problems: Problems,
): boolean {
  if (name.isStatic) return true;
  const result = name.evaluate({});
  if (!result.ok) {
    problems.error(
      elementId,
      `Expected constant expression but found '${name.source}', which could not be evaluated without context: ${result.message}`,
    );
    return false;
  }
  if (typeof result.value !== 'string') {
    problems.error(
      elementId,
      `Expected constant expression of type String for ${what} name '${name.source}', but was ${describeType(result.value)}`,
    );
    return false;
  }
  return true;
}

export function describeType(value: unknown): string {
  if (value === null) return 'NULL';
  if (Array.isArray(value)) return 'ARRAY';
  if (typeof value === 'object') return 'OBJECT';
  return typeof value === 'number' ? 'NUMBER' : typeof value === 'boolean' ? 'BOOLEAN' : 'STRING';
}
