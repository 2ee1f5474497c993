import { evaluate, unaryTest } from '@bpmn-io/feelin';

/** What a form-js `conditional.hide` says about a field, as far as the server can tell. */
export type Visibility = 'shown' | 'hidden' | 'unknown';

/** The variables a form-js expression sees: the form's data, plus `this`/`parent`/`i` inside lists. */
export type ExpressionContext = Record<string, unknown>;

const isExpression = (value: unknown): value is string =>
  typeof value === 'string' && value.startsWith('=');

/**
 * Evaluates `conditional.hide` the way form-js does (a FEEL unary test through feelin, the library
 * form-js uses; hidden only on `true`). A condition that fails to evaluate is 'unknown' rather than
 * form-js's "shown", so the server never demands a field the browser may have hidden.
 */
export function visibilityOf(conditional: unknown, context: ExpressionContext): Visibility {
  const hide = (conditional as { hide?: unknown } | undefined)?.hide;
  if (!hide || !isExpression(hide)) return 'shown';
  try {
    return unaryTest(hide.slice(1), context).value === true ? 'hidden' : 'shown';
  } catch {
    return 'unknown';
  }
}

/**
 * A number setting that may be a FEEL expression (form-js evaluates `min`, `max`, `minLength` and
 * `maxLength`); undefined when absent or when the expression gives no number.
 */
export function numberSetting(value: unknown, context: ExpressionContext): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (isExpression(value)) {
    try {
      const result = evaluate(value.slice(1), context).value;
      return typeof result === 'number' && Number.isFinite(result) ? result : undefined;
    } catch {
      return undefined;
    }
  }
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
    return Number(value);
  return undefined;
}

/** `readonly` may be a FEEL expression; any expression counts as possibly read-only. */
export function mayBeReadonly(readonly: unknown): boolean {
  return readonly === true || isExpression(readonly);
}
