import type { z } from 'zod';
import { incident, type JobOutcome } from './jobOutcome.js';

export type Parsed<T> = { ok: true; value: T } | { ok: false; outcome: JobOutcome };

/**
 * Validates a job's variables or headers. A failure is a modelling error (a missing header,
 * a process without `zaak.id`), so it becomes an incident at once naming the field: retrying
 * would fail the same way.
 */
export function parseInputs<S extends z.ZodType>(
  schema: S,
  input: unknown,
  what: 'variables' | 'headers',
): Parsed<z.infer<S>> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  const problems = result.error.issues
    .map(
      (issue) =>
        `${what === 'headers' ? 'header' : 'variable'} '${issue.path.join('.') || '(all)'}': ${issue.message}`,
    )
    .join('; ');
  return {
    ok: false,
    outcome: incident(`Invalid job ${what}: ${problems}. Fix the process model or its input.`),
  };
}
