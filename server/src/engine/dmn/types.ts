/** Executable DMN: decisions read once at deployment, evaluated many times. */
import type { CompiledExpression, CompiledUnaryTests } from '../feel/index.js';

export type HitPolicy = 'UNIQUE' | 'FIRST' | 'ANY' | 'PRIORITY' | 'COLLECT' | 'RULE ORDER' | 'OUTPUT ORDER';
export type Aggregation = 'SUM' | 'MIN' | 'MAX' | 'COUNT';

export interface DecisionInput {
  readonly id: string;
  /** The label, or the expression text when there is none (as Zeebe reports it). */
  readonly name: string;
  readonly expression: CompiledExpression;
}

export interface DecisionOutput {
  readonly id: string;
  /** The name the value gets in the result context. */
  readonly name: string;
  /** Allowed values in priority order (PRIORITY / OUTPUT ORDER), as FEEL values. */
  readonly priorities: readonly unknown[];
  /** The value when no rule matches (defaultOutputEntry). */
  readonly defaultValue?: CompiledExpression;
}

export interface DecisionRule {
  readonly id: string;
  readonly inputEntries: readonly CompiledUnaryTests[];
  /** Absent: the output is null. */
  readonly outputEntries: readonly (CompiledExpression | undefined)[];
}

export interface DecisionTable {
  readonly type: 'DECISION_TABLE';
  readonly hitPolicy: HitPolicy;
  readonly aggregation?: Aggregation;
  readonly inputs: readonly DecisionInput[];
  readonly outputs: readonly DecisionOutput[];
  readonly rules: readonly DecisionRule[];
}

export interface LiteralExpressionLogic {
  readonly type: 'LITERAL_EXPRESSION';
  readonly expression: CompiledExpression;
}

export interface ExecutableDecision {
  readonly id: string;
  readonly name: string;
  /** The variable its output appears under for the decisions that require it: its variable name, else its id. */
  readonly resultName: string;
  /** Decisions whose results this one reads, by decision id. */
  readonly requiredDecisionIds: readonly string[];
  readonly logic: DecisionTable | LiteralExpressionLogic;
}

/** One DMN resource: its decision requirements graph (the dmn:definitions) and its decisions. */
export interface ExecutableDrg {
  readonly id: string;
  readonly name: string;
  readonly decisions: ReadonlyMap<string, ExecutableDecision>;
}
