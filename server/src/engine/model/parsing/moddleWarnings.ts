import type { ModdleWarning } from 'bpmn-moddle';
import { idOf, isModdleElement, localName } from '../moddle/moddleElement.js';
import type { Problems } from '../problems.js';
import { isUnresolvedReference } from './unresolvedReferences.js';

/** References the transformers check themselves, with a message naming the element at fault. */
const CHECKED_REFERENCES = new Set([
  'bpmn:sourceRef',
  'bpmn:targetRef',
  'bpmn:attachedToRef',
  'bpmn:default',
  'bpmn:messageRef',
  'bpmn:errorRef',
  'bpmn:escalationRef',
  'bpmn:signalRef',
]);

/**
 * Turns moddle's reader warnings into problems. Most stay warnings (unknown attributes and
 * elements are skipped, as Zeebe ignores foreign extensions); a duplicate id is an error, because
 * moddle drops the second element and the model would silently lose it.
 */
export function reportModdleWarnings(warnings: readonly ModdleWarning[], problems: Problems): void {
  for (const warning of warnings) {
    const parsed = describeParseMessage(warning.message);
    const duplicate = /duplicate ID <([^>]*)>/.exec(parsed.detail ?? '');
    if (duplicate) {
      problems.error(
        duplicate[1],
        `Duplicate id '${duplicate[1]}'${parsed.where}: every element needs its own id`,
      );
    } else if (isUnresolvedReference(warning)) {
      if (CHECKED_REFERENCES.has(warning.property ?? '')) continue;
      const owner = isModdleElement(warning.element) ? idOf(warning.element) : undefined;
      const property = localName(warning.property ?? 'reference');
      problems.warning(
        owner,
        `Reference ${property}='${String(warning.value)}' cannot be resolved and is ignored`,
      );
    } else {
      problems.warning(
        undefined,
        `${parsed.summary}${parsed.where}${parsed.detail ? `: ${parsed.detail}` : ''}`,
      );
    }
  }
}

/**
 * moddle reports "unparsable content <x> detected\n\tline: 3\n\tcolumn: 5\n\tnested error: ...",
 * with 0-based positions; users get 1-based ones, as editors show them.
 */
export function describeParseMessage(message: string): {
  summary: string;
  where: string;
  detail?: string;
} {
  const [first = message] = message.split('\n');
  const line = /line: (\d+)/.exec(message);
  const column = /column: (\d+)/.exec(message);
  const nested = /nested error: ([^\n]*)/.exec(message);
  const where =
    line && column ? ` (line ${Number(line[1]) + 1}, column ${Number(column[1]) + 1})` : '';
  return nested
    ? { summary: first.trim(), where, detail: nested[1]!.trim() }
    : { summary: first.trim(), where };
}
