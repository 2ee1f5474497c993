/** Compiles BPMN attribute text at deployment, so broken FEEL is rejected before any instance runs. */
import type { CompiledExpression } from './types.js';
import { CAMUNDA_FUNCTION_NAMES, IS_DEFINED_PATH } from './camundaFunctions.js';
import { FeelExpression, StaticExpression, type EvaluationPlan } from './feelExpression.js';
import { filterConditionEdits } from './filterRewrite.js';
import { isDefinedEdits } from './isDefinedRewrite.js';
import { describeSyntaxError, nameOf, parseFeel, type FeelTree } from './parsing.js';
import { applyEdits } from './textEdits.js';

export type CompileResult =
  { ok: true; expression: CompiledExpression } | { ok: false; message: string };

/**
 * Camunda's convention: text starting with `=` (leading whitespace aside) is FEEL, anything else
 * a static string, e.g. job type `payment` or retries `3` (the string "3").
 */
export function compileExpression(raw: string): CompileResult {
  const trimmed = raw.trimStart();
  if (!trimmed.startsWith('=')) return { ok: true, expression: new StaticExpression(raw) };
  const source = trimmed.slice(1).trim();
  if (source === '') {
    return { ok: false, message: `failed to parse expression '': the expression is empty` };
  }
  const tree = parseFeel(source);
  const syntaxError = describeSyntaxError(tree, source);
  if (syntaxError !== undefined) {
    return { ok: false, message: `failed to parse expression '${source}': ${syntaxError}` };
  }
  return { ok: true, expression: new FeelExpression(source, planEvaluation(tree, source)) };
}

function planEvaluation(tree: FeelTree, source: string): EvaluationPlan {
  const functionNames = invokedCamundaFunctions(tree, source);
  const definedEdits = isDefinedEdits(tree, source);
  const edits = [...definedEdits, ...filterConditionEdits(tree, source)];
  if (edits.length === 0) return { text: source, functionNames, quietSpans: [] };
  const edited = applyEdits(source, edits);
  // The edits are ours; should the result ever not parse, keep the original meaning instead.
  if (describeSyntaxError(parseFeel(edited.text), edited.text) !== undefined) {
    return { text: source, functionNames, quietSpans: [] };
  }
  const names = definedEdits.length > 0 ? [...functionNames, IS_DEFINED_PATH] : functionNames;
  return { text: edited.text, functionNames: names, quietSpans: edited.quietSpans };
}

/** Names of our built-ins that the expression calls by name. */
function invokedCamundaFunctions(tree: FeelTree, source: string): string[] {
  const known = new Set(CAMUNDA_FUNCTION_NAMES);
  const invoked = new Set<string>();
  tree.iterate({
    enter(ref) {
      if (ref.name !== 'FunctionInvocation') return;
      const callee = ref.node.firstChild;
      if (callee?.name !== 'VariableName') return;
      const name = nameOf(callee, source);
      if (known.has(name)) invoked.add(name);
    },
  });
  return [...invoked];
}
