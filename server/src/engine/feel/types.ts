/** JSON value as Zeebe stores variables (dates, durations etc. already converted to strings). */
export type JsonValue =
  null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export type FeelResult = { ok: true; value: JsonValue } | { ok: false; message: string };

/** Options of one evaluation. */
export interface EvaluationOptions {
  /** The instant `now()` and `today()` see; the engine passes its (test-controllable) clock. Default: system time. */
  readonly now?: Date | number;
}

/**
 * The type of an evaluation result, named as Zeebe names them in incident messages
 * (DATE and TIME are ours: Zeebe folds them into other names).
 */
export type ResultType =
  | 'NULL'
  | 'BOOLEAN'
  | 'NUMBER'
  | 'STRING'
  | 'DATE'
  | 'TIME'
  | 'DATE_TIME'
  | 'DURATION'
  | 'PERIOD'
  | 'ARRAY'
  | 'OBJECT';

/** An evaluation result with what typed evaluation needs to word Zeebe's incident messages. */
export type Inspection =
  | {
      ok: true;
      value: JsonValue;
      /** The type of the FEEL value before it became JSON (a date is DATE, not STRING). */
      type: ResultType;
      /** Why the result may be null, in old Zeebe wording, e.g. `no variable found for name 'x'`. */
      unresolved?: string;
      /** FEEL warnings as `[TYPE] message` lines. */
      warnings: readonly string[];
    }
  | { ok: false; message: string };

/**
 * An expression from a BPMN attribute, compiled once at deployment.
 * `=`-prefixed text is FEEL; anything else is a static string value.
 */
export interface CompiledExpression {
  /** FEEL text without the leading `=` (as Zeebe quotes it in messages), or the static value. */
  readonly source: string;
  readonly isStatic: boolean;
  /** Evaluates against the variables visible in the scope. Never throws. */
  evaluate(variables: Readonly<Record<string, JsonValue>>, options?: EvaluationOptions): FeelResult;
  /** Like `evaluate`, with type and warning details; `evaluateAs` uses it when present. Never throws. */
  inspect?(variables: Readonly<Record<string, JsonValue>>, options?: EvaluationOptions): Inspection;
}
