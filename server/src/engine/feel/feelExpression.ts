/** The two kinds of compiled expression: FEEL evaluated by feelin, and static text. */
import { evaluate as feelEvaluate, type Warning } from '@bpmn-io/feelin';
import type {
  CompiledExpression,
  EvaluationOptions,
  FeelResult,
  Inspection,
  JsonValue,
} from './types.js';
import { AssertionFailure, camundaFunctions } from './camundaFunctions.js';
import type { Span } from './textEdits.js';
import { DIALECT } from './parsing.js';
import { convertResult } from './resultConversion.js';
import { formatWarning, unresolvedReference, warningsOutside } from './warnings.js';

type Variables = Readonly<Record<string, JsonValue>>;

/** What compilation prepared for evaluation. */
export interface EvaluationPlan {
  /** The FEEL text feelin evaluates (the source after the `is defined` rewrite). */
  readonly text: string;
  /** Our built-ins the text invokes; only these are put into the evaluation context. */
  readonly functionNames: readonly string[];
  /** Spans of `text` whose warnings are expected (see textEdits.ts). */
  readonly quietSpans: readonly Span[];
}

export class FeelExpression implements CompiledExpression {
  readonly isStatic = false;

  constructor(
    readonly source: string,
    private readonly plan: EvaluationPlan,
  ) {}

  evaluate(variables: Variables, options?: EvaluationOptions): FeelResult {
    const inspection = this.inspect(variables, options);
    return inspection.ok ? { ok: true, value: inspection.value } : inspection;
  }

  inspect(variables: Variables, options?: EvaluationOptions): Inspection {
    const now = options?.now === undefined ? new Date() : new Date(options.now);
    // Only invoked built-ins shadow variables, so a variable that happens to be called `now` stays readable.
    const context = {
      ...variables,
      ...camundaFunctions(this.plan.functionNames, { variables, now }),
    };
    let outcome: { value: unknown; warnings: Warning[] };
    try {
      outcome = feelEvaluate(this.plan.text, context, DIALECT);
    } catch (error) {
      return { ok: false, message: this.failure(error) };
    }
    const converted = convertResult(outcome.value);
    if (!converted.ok) {
      return {
        ok: false,
        message: `failed to evaluate expression '${this.source}': ${converted.problem}`,
      };
    }
    const warnings = warningsOutside(outcome.warnings, this.plan.quietSpans);
    const unresolved = unresolvedReference(warnings);
    return {
      ok: true,
      value: converted.value,
      type: converted.type,
      ...(unresolved === undefined ? {} : { unresolved }),
      warnings: warnings.map(formatWarning),
    };
  }

  private failure(error: unknown): string {
    if (error instanceof AssertionFailure) {
      return `Assertion failure on evaluate the expression '${this.source}': ${error.message}`;
    }
    const reason = error instanceof Error ? error.message : String(error);
    return `failed to evaluate expression '${this.source}': ${reason}`;
  }
}

/** Text without a leading `=`: Zeebe takes it literally, as a string. */
export class StaticExpression implements CompiledExpression {
  readonly isStatic = true;

  constructor(readonly source: string) {}

  evaluate(): FeelResult {
    return { ok: true, value: this.source };
  }

  inspect(): Inspection {
    return { ok: true, value: this.source, type: 'STRING', warnings: [] };
  }
}
