import type { CompiledExpression, JsonValue } from '../feel/types.js';
import { evaluateAs } from '../feel/index.js';

/** The one place where the processors meet the FEEL module. */
export { evaluateAs, applyMappingTarget } from '../feel/index.js';

export type TextResult = { ok: true; value: string } | { ok: false; message: string };

/**
 * Evaluates to text: a STRING (dates and durations as their ISO text), or with `orNumber`
 * also a number, as correlation keys allow.
 */
export function evaluateText(
  expression: CompiledExpression,
  variables: Readonly<Record<string, JsonValue>>,
  now: number,
  orNumber = false,
): TextResult {
  const result = evaluateAs(expression, variables, orNumber ? 'STRING_OR_NUMBER' : 'STRING', now);
  if (!result.ok) return result;
  const { value } = result;
  return { ok: true, value: typeof value === 'string' ? value : JSON.stringify(value) };
}
