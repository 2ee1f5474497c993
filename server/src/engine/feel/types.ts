/** JSON value as Zeebe stores variables (dates, durations etc. already converted to strings). */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export type FeelResult = { ok: true; value: JsonValue } | { ok: false; message: string };

/**
 * An expression from a BPMN attribute, compiled once at deployment.
 * `=`-prefixed text is FEEL; anything else is a static string value.
 */
export interface CompiledExpression {
  readonly source: string;
  readonly isStatic: boolean;
  /** Evaluates against the variables visible in the scope. Never throws. */
  evaluate(variables: Readonly<Record<string, JsonValue>>): FeelResult;
}
