/** Evaluation with an expected result type, failing with the incident messages Zeebe raises. */
import type { CompiledExpression, FeelResult, Inspection, JsonValue, ResultType } from './types.js';

export type ExpectedType =
  'BOOLEAN' | 'STRING' | 'NUMBER' | 'LIST' | 'CONTEXT' | 'STRING_OR_NUMBER' | 'ANY';

type TypedExpectation = Exclude<ExpectedType, 'ANY'>;

const ACCEPTED: Record<TypedExpectation, readonly ResultType[]> = {
  BOOLEAN: ['BOOLEAN'],
  // Temporal values arrive as their ISO strings; timers and due dates rely on that.
  STRING: ['STRING', 'DATE', 'TIME', 'DATE_TIME', 'DURATION', 'PERIOD'],
  NUMBER: ['NUMBER'],
  LIST: ['ARRAY'],
  CONTEXT: ['OBJECT'],
  STRING_OR_NUMBER: ['STRING', 'NUMBER'],
};

/** How Zeebe's messages name what was expected. */
const WANTED: Record<TypedExpectation, string> = {
  BOOLEAN: "'BOOLEAN'",
  STRING: "'STRING'",
  NUMBER: "'NUMBER'",
  LIST: "'ARRAY'",
  CONTEXT: "'OBJECT'",
  STRING_OR_NUMBER: "one of '[STRING, NUMBER]'",
};

/**
 * Evaluates and checks the result type. Messages follow Zeebe:
 * `Expected result of the expression 'x > 1' to be 'BOOLEAN', but was 'NULL'.`, and for a null
 * caused by a missing variable `failed to evaluate expression 'key': no variable found for name 'key'`.
 * `now` is the engine clock's instant (epoch ms or Date) for `now()` / `today()`.
 */
export function evaluateAs(
  expression: CompiledExpression,
  variables: Readonly<Record<string, JsonValue>>,
  expected: ExpectedType,
  now?: number | Date,
): FeelResult {
  const options = now === undefined ? undefined : { now };
  const inspection =
    expression.inspect?.(variables, options) ??
    inspectionOf(expression.evaluate(variables, options));
  if (!inspection.ok) return inspection;
  if (expected === 'ANY' || ACCEPTED[expected].includes(inspection.type)) {
    return { ok: true, value: inspection.value };
  }
  // Zeebe passes static text where it wants a number (e.g. a priority of `50`) as that number.
  if (expected === 'NUMBER' && expression.isStatic && isNumeric(inspection.value)) {
    return { ok: true, value: Number(inspection.value) };
  }
  if (inspection.type === 'NULL' && inspection.unresolved !== undefined) {
    return {
      ok: false,
      message: `failed to evaluate expression '${expression.source}': ${inspection.unresolved}`,
    };
  }
  return {
    ok: false,
    message: mismatchMessage(expression.source, expected, inspection.type, inspection.warnings),
  };
}

function mismatchMessage(
  source: string,
  expected: TypedExpectation,
  actual: ResultType,
  warnings: readonly string[],
): string {
  const message = `Expected result of the expression '${source}' to be ${WANTED[expected]}, but was '${actual}'.`;
  return warnings.length === 0
    ? message
    : `${message} The evaluation reported the following warnings:\n${warnings.join('\n')}`;
}

/** For expressions without `inspect`: the type follows from the JSON value. */
function inspectionOf(result: FeelResult): Inspection {
  return result.ok
    ? { ok: true, value: result.value, type: jsonType(result.value), warnings: [] }
    : result;
}

function jsonType(value: JsonValue): ResultType {
  if (value === null) return 'NULL';
  if (Array.isArray(value)) return 'ARRAY';
  switch (typeof value) {
    case 'boolean':
      return 'BOOLEAN';
    case 'number':
      return 'NUMBER';
    case 'string':
      return 'STRING';
    default:
      return 'OBJECT';
  }
}

function isNumeric(value: JsonValue): boolean {
  return typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value));
}
