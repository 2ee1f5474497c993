/** FEEL unary tests, as in the input entries of a DMN decision table (`< 10`, `"a","b"`, `-`). */
import { parseUnaryTests, unaryTest as feelUnaryTest } from '@bpmn-io/feelin';
import { CAMUNDA_FUNCTION_NAMES, camundaFunctions } from './camundaFunctions.js';
import { describeSyntaxError, DIALECT } from './parsing.js';
import type { JsonValue } from './types.js';

export type UnaryTestResult = { ok: true; matched: boolean } | { ok: false; message: string };

export interface CompiledUnaryTests {
  readonly source: string;
  /** Whether `input` passes, with the variables of the decision in scope. Never throws. */
  test(input: JsonValue, variables: Readonly<Record<string, JsonValue>>, now: number): UnaryTestResult;
}

/** Empty text and `-` match anything; everything else is checked for syntax once, here. */
export function compileUnaryTests(
  raw: string,
): { ok: true; tests: CompiledUnaryTests } | { ok: false; message: string } {
  const source = raw.trim();
  if (source === '' || source === '-') return { ok: true, tests: { source, test: () => ({ ok: true, matched: true }) } };
  const syntaxError = describeSyntaxError(parseUnaryTests(source, {}, DIALECT), source);
  if (syntaxError !== undefined) {
    return { ok: false, message: `failed to parse unary tests '${source}': ${syntaxError}` };
  }
  const functionNames = CAMUNDA_FUNCTION_NAMES.filter((name) => source.includes(name));
  return {
    ok: true,
    tests: {
      source,
      test(input, variables, now) {
        const context = { ...variables, ...camundaFunctions(functionNames, { variables, now: new Date(now) }), '?': input };
        try {
          const { value } = feelUnaryTest(source, context, DIALECT);
          return { ok: true, matched: value === true };
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          return { ok: false, message: `failed to evaluate unary tests '${source}': ${reason}` };
        }
      },
    },
  };
}
