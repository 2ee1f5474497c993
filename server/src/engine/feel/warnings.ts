/** Reading feelin's warnings: feelin turns what Zeebe reported as failures into null plus a warning. */
import type { Warning } from '@bpmn-io/feelin';
import type { Span } from './textEdits.js';

/** Drops warnings raised inside the given spans (the rewritten `is defined` calls look up missing names on purpose). */
export function warningsOutside(warnings: readonly Warning[], spans: readonly Span[]): Warning[] {
  return warnings.filter(
    (warning) =>
      !spans.some((span) => warning.position.from >= span.from && warning.position.to <= span.to),
  );
}

/**
 * Why a null result may be null, worded as Zeebe's engine (before FEEL 1.17) failed such
 * evaluations: `no variable found for name 'x'`. Undefined when nothing was missing.
 */
export function unresolvedReference(warnings: readonly Warning[]): string | undefined {
  const variable = warnings.find((warning) => warning.type === 'NO_VARIABLE_FOUND');
  if (variable) {
    const name = quotedName(variable.message);
    // feelin looks a called function up as a variable first; the call then warns at the same spot.
    const called = warnings.some(
      (warning) =>
        warning.type === 'NO_FUNCTION_FOUND' && warning.position.from === variable.position.from,
    );
    return called
      ? `no function found with name '${name}'`
      : `no variable found for name '${name}'`;
  }
  const entry = warnings.find((warning) => warning.type === 'NO_CONTEXT_ENTRY_FOUND');
  return entry ? `no context entry found with key '${quotedName(entry.message)}'` : undefined;
}

/** `[NO_VARIABLE_FOUND] Variable 'x' not found`, as Zeebe lists evaluation warnings. */
export function formatWarning(warning: Warning): string {
  return `[${warning.type}] ${warning.message}`;
}

/** feelin words these warnings `Variable 'x' not found` / `Key 'x' not found in ...`. */
function quotedName(message: string): string {
  return /^\S+ '(.*)' not found/.exec(message)?.[1] ?? message;
}
