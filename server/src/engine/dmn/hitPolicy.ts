import type { JsonValue } from '../feel/types.js';
import type { DecisionTable } from './types.js';

/** A rule whose input entries all matched, with its output values in output order. */
export interface MatchedRule {
  readonly ruleId: string;
  /** 1-based, as Zeebe reports it. */
  readonly ruleIndex: number;
  readonly outputs: readonly JsonValue[];
}

export type HitOutcome =
  | { ok: true; output: JsonValue; reported: readonly MatchedRule[] }
  | { ok: false; message: string };

/**
 * Applies the table's hit policy to the matched rules (at least one): the decision output and the
 * rules reported, in rule order.
 */
export function applyHitPolicy(table: DecisionTable, matched: readonly MatchedRule[]): HitOutcome {
  const single = (rule: MatchedRule | undefined): HitOutcome =>
    ({ ok: true, output: rule ? ruleOutput(table, rule) : null, reported: rule ? [rule] : [] });
  switch (table.hitPolicy) {
    case 'UNIQUE':
      if (matched.length > 1) {
        return { ok: false, message: `hit policy UNIQUE allows one matching rule, but ${matched.length} rules matched (${ruleIds(matched)})` };
      }
      return single(matched[0]);
    case 'FIRST':
      return single(matched[0]);
    case 'ANY': {
      const distinct = new Set(matched.map((rule) => JSON.stringify(rule.outputs)));
      if (distinct.size > 1) {
        return { ok: false, message: `hit policy ANY needs matching rules with equal outputs, but rules ${ruleIds(matched)} have different outputs` };
      }
      return { ok: true, output: matched[0] ? ruleOutput(table, matched[0]) : null, reported: matched };
    }
    case 'PRIORITY': {
      const first = byPriority(table, matched)[0];
      return { ok: true, output: first ? ruleOutput(table, first) : null, reported: matched };
    }
    case 'OUTPUT ORDER':
      return { ok: true, output: byPriority(table, matched).map((rule) => ruleOutput(table, rule)), reported: matched };
    case 'RULE ORDER':
      return { ok: true, output: matched.map((rule) => ruleOutput(table, rule)), reported: matched };
    case 'COLLECT':
      return collect(table, matched);
  }
}

/** One output: its value; several: a context of output name → value. */
function ruleOutput(table: DecisionTable, rule: MatchedRule): JsonValue {
  if (table.outputs.length === 1) return rule.outputs[0] ?? null;
  return Object.fromEntries(table.outputs.map((output, index) => [output.name, rule.outputs[index] ?? null]));
}

function collect(table: DecisionTable, matched: readonly MatchedRule[]): HitOutcome {
  if (!table.aggregation) return { ok: true, output: matched.map((rule) => ruleOutput(table, rule)), reported: matched };
  if (table.aggregation === 'COUNT') {
    return { ok: true, output: matched.length, reported: matched };
  }
  const values = matched.map((rule) => rule.outputs[0] ?? null);
  if (!values.every((value): value is number => typeof value === 'number')) {
    return { ok: false, message: `aggregation ${table.aggregation} needs numbers, but the matched rules gave ${JSON.stringify(values)}` };
  }
  const output =
    table.aggregation === 'SUM' ? values.reduce((sum, value) => sum + value, 0)
      : table.aggregation === 'MIN' ? Math.min(...values)
        : Math.max(...values);
  return { ok: true, output, reported: matched };
}

/** Matched rules sorted by the position of their output values in the outputs' allowed values. */
function byPriority(table: DecisionTable, matched: readonly MatchedRule[]): MatchedRule[] {
  const rank = (rule: MatchedRule): number[] =>
    table.outputs.map((output, index) => {
      const position = output.priorities.findIndex((allowed) => JSON.stringify(allowed) === JSON.stringify(rule.outputs[index]));
      return position < 0 ? Number.MAX_SAFE_INTEGER : position;
    });
  return [...matched].sort((a, b) => {
    const left = rank(a);
    const right = rank(b);
    for (let index = 0; index < left.length; index++) {
      const difference = (left[index] ?? 0) - (right[index] ?? 0);
      if (difference !== 0) return difference;
    }
    return a.ruleIndex - b.ruleIndex;
  });
}

function ruleIds(matched: readonly MatchedRule[]): string {
  return matched.map((rule) => `'${rule.ruleId}'`).join(', ');
}
