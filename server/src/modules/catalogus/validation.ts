import type { z } from 'zod';
import { InputError } from '../../http/errors.js';

export interface FieldProblem {
  /** Dotted path of the field, e.g. `statustypen.1.omschrijving`; empty for the whole input. */
  path: string;
  message: string;
}

/**
 * Parses input with a zod schema or throws an InputError listing every problem by field, in the
 * same shape the error middleware gives zod errors: `details.problems: [{ path, message }]`.
 */
export function parseInput<Schema extends z.ZodType>(
  schema: Schema,
  input: unknown,
  what = 'input',
): z.output<Schema> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const problems: FieldProblem[] = result.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
  const summary = problems
    .map((problem) => `${problem.path || '(root)'}: ${problem.message}`)
    .join('; ');
  throw new InputError(`Invalid ${what}: ${summary}`, { problems });
}
