import type { JsonValue } from '../feel/types.js';
import { applyHitPolicy, type MatchedRule } from './hitPolicy.js';
import type { DecisionTable, ExecutableDecision, ExecutableDrg } from './types.js';

type Variables = Readonly<Record<string, JsonValue>>;

/** One decision as evaluated, in Zeebe's EvaluatedDecision terms (keys and versions are added by the caller). */
export interface EvaluatedDecision {
  decisionId: string;
  decisionName: string;
  decisionType: 'DECISION_TABLE' | 'LITERAL_EXPRESSION';
  decisionOutput: JsonValue;
  evaluatedInputs: { inputId: string; inputName: string; inputValue: JsonValue }[];
  matchedRules: {
    ruleId: string;
    ruleIndex: number;
    evaluatedOutputs: { outputId: string; outputName: string; outputValue: JsonValue }[];
  }[];
}

export interface DecisionEvaluationResult {
  /** The output of the requested decision; null when evaluation failed. */
  output: JsonValue;
  /** Required decisions first, the requested one last (up to the one that failed). */
  evaluatedDecisions: EvaluatedDecision[];
  failure?: { decisionId: string; message: string };
}

/**
 * Evaluates a decision of the graph, after the decisions it requires; each required decision's
 * output is visible to the others under its decision id. Never throws.
 */
export function evaluateDecision(drg: ExecutableDrg, decisionId: string, variables: Variables, now: number): DecisionEvaluationResult {
  const evaluated: EvaluatedDecision[] = [];
  const context: Record<string, JsonValue> = { ...variables };
  const outputs = new Map<string, JsonValue>();
  const visit = (id: string): { decisionId: string; message: string } | undefined => {
    if (outputs.has(id)) return undefined;
    const decision = drg.decisions.get(id);
    if (!decision) return { decisionId: id, message: `no decision found for '${id}'` };
    for (const required of decision.requiredDecisionIds) {
      const failure = visit(required);
      if (failure) return failure;
    }
    const result = evaluateOne(decision, context, now);
    if (result.evaluated) evaluated.push(result.evaluated);
    if (!result.ok) return { decisionId: id, message: `Expected to evaluate decision '${id}', but ${result.message}` };
    outputs.set(id, result.evaluated.decisionOutput);
    context[decision.resultName] = result.evaluated.decisionOutput;
    return undefined;
  };
  const failure = visit(decisionId);
  if (failure) return { output: null, evaluatedDecisions: evaluated, failure };
  return { output: outputs.get(decisionId) ?? null, evaluatedDecisions: evaluated };
}

type OneResult = { ok: true; evaluated: EvaluatedDecision } | { ok: false; message: string; evaluated?: EvaluatedDecision };

function evaluateOne(decision: ExecutableDecision, variables: Variables, now: number): OneResult {
  const base = { decisionId: decision.id, decisionName: decision.name };
  if (decision.logic.type === 'LITERAL_EXPRESSION') {
    const result = decision.logic.expression.evaluate(variables, { now });
    if (!result.ok) return result;
    return { ok: true, evaluated: { ...base, decisionType: 'LITERAL_EXPRESSION', decisionOutput: result.value, evaluatedInputs: [], matchedRules: [] } };
  }
  return evaluateTable(decision.logic, base, variables, now);
}

function evaluateTable(
  table: DecisionTable,
  base: { decisionId: string; decisionName: string },
  variables: Variables,
  now: number,
): OneResult {
  const evaluatedInputs: EvaluatedDecision['evaluatedInputs'] = [];
  for (const input of table.inputs) {
    const value = input.expression.evaluate(variables, { now });
    if (!value.ok) return value;
    evaluatedInputs.push({ inputId: input.id, inputName: input.name, inputValue: value.value });
  }
  const partial: EvaluatedDecision = { ...base, decisionType: 'DECISION_TABLE', decisionOutput: null, evaluatedInputs, matchedRules: [] };
  const matched: MatchedRule[] = [];
  for (const [index, rule] of table.rules.entries()) {
    let matches = true;
    for (const [at, test] of rule.inputEntries.entries()) {
      const result = test.test(evaluatedInputs[at]?.inputValue ?? null, variables, now);
      if (!result.ok) return { ...result, evaluated: partial };
      if (!result.matched) {
        matches = false;
        break;
      }
    }
    if (!matches) continue;
    const outputs: JsonValue[] = [];
    for (const entry of rule.outputEntries) {
      const value = entry ? entry.evaluate(variables, { now }) : ({ ok: true, value: null } as const);
      if (!value.ok) return { ...value, evaluated: partial };
      outputs.push(value.value);
    }
    matched.push({ ruleId: rule.id, ruleIndex: index + 1, outputs });
    // FIRST: later rules are neither evaluated nor reported.
    if (table.hitPolicy === 'FIRST') break;
  }
  if (matched.length === 0) return defaultOutputs(table, partial, variables, now);
  const hit = applyHitPolicy(table, matched);
  if (!hit.ok) return { ...hit, evaluated: partial };
  const matchedRules = hit.reported.map((rule) => ({
    ruleId: rule.ruleId,
    ruleIndex: rule.ruleIndex,
    evaluatedOutputs: table.outputs.map((output, index) => ({ outputId: output.id, outputName: output.name, outputValue: rule.outputs[index] ?? null })),
  }));
  return { ok: true, evaluated: { ...partial, decisionOutput: hit.output, matchedRules } };
}

/** No rule matched: the outputs' default entries (a value, a context for several), or null. */
function defaultOutputs(table: DecisionTable, partial: EvaluatedDecision, variables: Variables, now: number): OneResult {
  const defaults: [string, JsonValue][] = [];
  for (const output of table.outputs) {
    if (!output.defaultValue) continue;
    const value = output.defaultValue.evaluate(variables, { now });
    if (!value.ok) return { ...value, evaluated: partial };
    defaults.push([output.name, value.value]);
  }
  const decisionOutput = defaults.length === 0 ? null : defaults.length === 1 ? (defaults[0]?.[1] ?? null) : Object.fromEntries(defaults);
  return { ok: true, evaluated: { ...partial, decisionOutput } };
}
