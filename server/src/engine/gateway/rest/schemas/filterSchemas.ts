import { z } from 'zod';

/**
 * The building blocks of Camunda's search requests: filter properties (a plain value, or an object
 * of `$eq`, `$in`, `$like`, … operators), sort criteria and pagination. Every filter property is
 * normalised to its operator form, so the repositories see one shape. Objects are strict: a field
 * or operator Camunda does not define is a 400 that names it.
 */
export interface Operators<T> {
  $eq?: T;
  $neq?: T;
  $exists?: boolean;
  $in?: T[];
  $notIn?: T[];
  $like?: string;
  $gt?: T;
  $gte?: T;
  $lt?: T;
  $lte?: T;
}

const INT64_MAX = 9223372036854775807n;

const KEY = /^-?\d{1,19}$/;

/** A Zeebe key: an int64 written as a decimal string. */
export const keySchema = z
  .string()
  .regex(KEY, 'Expected a key: a 64-bit integer written as a string of digits')
  // Checked only once the text is digits (zod runs every check, even after a failed one).
  .refine(
    (value) => !KEY.test(value) || (BigInt(value) <= INT64_MAX && BigInt(value) >= -INT64_MAX - 1n),
    'Expected a key within the 64-bit integer range',
  );

/** An int64 as JSON allows it: a number, or (as Camunda's own client sends it) a string of digits. */
export const int64 = (message: string) =>
  z
    .union(
      [
        z.number().int(),
        z
          .string()
          .regex(/^-?\d{1,16}$/)
          .transform(Number),
      ],
      { message },
    )
    .pipe(z.number().int().refine(Number.isSafeInteger, message));

const dateTimeSchema = z.iso.datetime({
  offset: true,
  message: 'Expected an ISO 8601 date-time, e.g. 2025-01-31T12:00:00Z',
});

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * A filter property: `value` alone means `{ $eq: value }`. The two forms are told apart by the
 * input's type (not by trying both), so validation errors point at the real culprit.
 */
function filterProperty<T, A extends Operators<T>>(plain: z.ZodType<T>, advanced: z.ZodType<A>) {
  return z.unknown().transform((value, ctx): Operators<T> => {
    const parsed = isPlainObject(value) ? advanced.safeParse(value) : plain.safeParse(value);
    if (!parsed.success) {
      // Re-raised here so that zod prefixes them with this property's path.
      ctx.issues.push(
        ...(parsed.error.issues.map((issue) => ({ ...issue, input: value })) as typeof ctx.issues),
      );
      return z.NEVER;
    }
    return isPlainObject(value) ? (parsed.data as A) : { $eq: parsed.data as T };
  });
}

function basicOperators<T>(value: z.ZodType<T>) {
  return {
    $eq: value.optional(),
    $neq: value.optional(),
    $exists: z.boolean().optional(),
    $in: z.array(value).optional(),
    $notIn: z.array(value).optional(),
  };
}

function rangeOperators<T>(value: z.ZodType<T>) {
  return {
    $eq: value.optional(),
    $neq: value.optional(),
    $exists: z.boolean().optional(),
    $gt: value.optional(),
    $gte: value.optional(),
    $lt: value.optional(),
    $lte: value.optional(),
    $in: z.array(value).optional(),
  };
}

/** Camunda's `$like`: `*` any characters, `?` one character, backslash escapes. */
const likeSchema = z.string().optional();

export const keyFilter = () => filterProperty(keySchema, z.strictObject(basicOperators(keySchema)));

export const stringFilter = () =>
  filterProperty(z.string(), z.strictObject({ ...basicOperators(z.string()), $like: likeSchema }));

export const enumFilter = <const V extends readonly [string, ...string[]]>(values: V) => {
  const value = z.enum(values) as unknown as z.ZodType<V[number]>;
  return filterProperty(value, z.strictObject({ ...basicOperators(value), $like: likeSchema }));
};

export const integerFilter = () =>
  filterProperty(z.number().int(), z.strictObject(rangeOperators(z.number().int())));

export const dateTimeFilter = () =>
  filterProperty(dateTimeSchema, z.strictObject(rangeOperators(dateTimeSchema)));

export const booleanFilter = () => z.boolean();

export type FilterValue = Operators<unknown> | boolean;

/** A filter Camunda defines but this engine cannot evaluate: rejected with the reason, never ignored. */
export const unsupportedFilter = (reason: string) =>
  z.unknown().superRefine((_value, ctx) => {
    ctx.addIssue({
      code: 'custom',
      message: `This filter is not supported by the embedded engine: ${reason}`,
    });
  });
