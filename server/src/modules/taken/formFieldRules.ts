import { isDeepStrictEqual } from 'node:util';
import { mayBeReadonly, numberSetting, type ExpressionContext } from './formExpressions.js';

/** A form-js component, as far as validation reads it. */
export interface FormComponent {
  type?: unknown;
  key?: unknown;
  path?: unknown;
  label?: unknown;
  disabled?: unknown;
  readonly?: unknown;
  conditional?: unknown;
  isRepeating?: unknown;
  components?: unknown;
  values?: unknown;
  valuesKey?: unknown;
  valuesExpression?: unknown;
  decimalDigits?: unknown;
  validate?: {
    required?: unknown;
    minLength?: unknown;
    maxLength?: unknown;
    min?: unknown;
    max?: unknown;
    pattern?: unknown;
    patternErrorMessage?: unknown;
    validationType?: unknown;
  };
}

export interface FieldCheck {
  /** A `conditional.hide` the server could not evaluate: the field may be hidden, so not required. */
  maybeHidden: boolean;
  context: ExpressionContext;
}

const TEXT_TYPES = new Set(['textfield', 'textarea', 'datetime']);
const SINGLE_CHOICE = new Set(['radio', 'select']);
const MULTIPLE_CHOICE = new Set(['checklist', 'taglist']);

/**
 * Our own loose checks, never stricter than form-js's in the browser (which, like these, allows a
 * domain without a dot and anything before the phone number's `+` or `00`).
 */
const EMAIL = /^[^\s@]+@[^\s@]+$/;
const INTERNATIONAL_PHONE = /(\+|00)[1-9]\d{4,}$/;

/**
 * The problems of one field's value, in Dutch, following form-js's rules (required, minLength and
 * maxLength on the trimmed text, pattern unanchored, min/max, email/phone) plus the value's type
 * and, for static options, membership. Empty values are only checked for `required`.
 */
export function fieldProblems(field: FormComponent, value: unknown, check: FieldCheck): string[] {
  const validate = field.validate ?? {};
  const type = typeof field.type === 'string' ? field.type : '';
  if (isEmpty(type, value)) {
    const required =
      validate.required === true && !check.maybeHidden && !mayBeReadonly(field.readonly);
    return required ? ['Dit veld is verplicht.'] : [];
  }
  const typeProblem = wrongType(field, type, value);
  if (typeProblem) return [typeProblem];
  const problems: string[] = [];
  if (typeof value === 'string') problems.push(...textProblems(validate, value, check.context));
  if (type === 'number') problems.push(...numberProblems(field, Number(value), check.context));
  return problems;
}

function isEmpty(type: string, value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true;
  if (Array.isArray(value) && value.length === 0) return true;
  return type === 'checkbox' && value === false;
}

function wrongType(field: FormComponent, type: string, value: unknown): string | undefined {
  if (TEXT_TYPES.has(type) && typeof value !== 'string') return 'Vul tekst in.';
  if (type === 'number' && !isNumeric(value)) return 'Vul een getal in.';
  if (type === 'checkbox' && typeof value !== 'boolean') return 'Kies ja of nee (true of false).';
  const options = staticOptions(field);
  if (SINGLE_CHOICE.has(type) && options && !options.some((o) => isDeepStrictEqual(o, value)))
    return `Kies een van de opties: ${options.map(String).join(', ')}.`;
  if (MULTIPLE_CHOICE.has(type)) {
    if (!Array.isArray(value)) return 'Kies een of meer opties (een lijst).';
    const unknown = options
      ? value.filter((item) => !options.some((o) => isDeepStrictEqual(o, item)))
      : [];
    if (unknown.length > 0)
      return `Onbekende optie ${unknown.map(String).join(', ')}; kies uit: ${options?.map(String).join(', ')}.`;
  }
  return undefined;
}

/** The option values of a field with static `values`; undefined when they come from data or FEEL. */
function staticOptions(field: FormComponent): unknown[] | undefined {
  if (field.valuesKey || field.valuesExpression || !Array.isArray(field.values)) return undefined;
  return field.values.map((option) => (option as { value?: unknown } | null)?.value);
}

function isNumeric(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  return typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value));
}

function textProblems(
  validate: NonNullable<FormComponent['validate']>,
  value: string,
  context: ExpressionContext,
): string[] {
  const problems: string[] = [];
  const length = value.trim().length;
  const minLength = numberSetting(validate.minLength, context);
  const maxLength = numberSetting(validate.maxLength, context);
  if (minLength !== undefined && length < minLength) problems.push(`Minstens ${minLength} tekens.`);
  if (maxLength !== undefined && length > maxLength)
    problems.push(`Hoogstens ${maxLength} tekens.`);
  const pattern = compiledPattern(validate.pattern);
  if (pattern && !pattern.test(value)) {
    problems.push(
      typeof validate.patternErrorMessage === 'string' && validate.patternErrorMessage
        ? validate.patternErrorMessage
        : `De invoer past niet in het patroon ${String(validate.pattern)}.`,
    );
  }
  if (validate.validationType === 'email' && !EMAIL.test(value))
    problems.push('Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.');
  if (validate.validationType === 'phone' && !INTERNATIONAL_PHONE.test(value.replace(/[\s-]/g, '')))
    problems.push('Vul een internationaal telefoonnummer in, zoals +31201234567.');
  return problems;
}

/** form-js tests `new RegExp(pattern)` unanchored; a pattern that does not compile is not checked. */
function compiledPattern(pattern: unknown): RegExp | undefined {
  if (typeof pattern !== 'string' || pattern === '') return undefined;
  try {
    return new RegExp(pattern);
  } catch {
    return undefined;
  }
}

function numberProblems(field: FormComponent, value: number, context: ExpressionContext): string[] {
  const problems: string[] = [];
  const min = numberSetting(field.validate?.min, context);
  const max = numberSetting(field.validate?.max, context);
  if (min !== undefined && value < min) problems.push(`De waarde moet minstens ${min} zijn.`);
  if (max !== undefined && value > max) problems.push(`De waarde mag hoogstens ${max} zijn.`);
  const digits = typeof field.decimalDigits === 'number' ? field.decimalDigits : undefined;
  if (digits !== undefined && decimalsOf(value) > digits) {
    problems.push(
      digits === 0 ? 'Vul een geheel getal in.' : `Gebruik hoogstens ${digits} decimalen.`,
    );
  }
  return problems;
}

function decimalsOf(value: number): number {
  const [, fraction = ''] = String(value).split('.');
  return fraction.replace(/e.*$/, '').length;
}
