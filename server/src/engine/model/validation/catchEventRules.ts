import type { CompiledExpression } from '../../feel/types.js';
import type { ExecutableElement } from '../types.js';
import type { Problems } from '../problems.js';
import type { Elements } from './processValidator.js';

/**
 * Catch events that compete for the same trigger in one place: the boundary events of an
 * activity, the event subprocess starts of a container, the message/signal starts of a process.
 * Two of them for the same message, error code or escalation code would be ambiguous.
 */
export function validateCatchEventSets(elements: Elements, problems: Problems): void {
  const lookup = (ids: readonly string[] | undefined) =>
    (ids ?? []).map((id) => elements.get(id)).filter((element) => element !== undefined);
  for (const element of elements.values()) {
    if (element.boundaryEventIds) checkSet(element.id, lookup(element.boundaryEventIds), problems);
    if (element.eventSubProcessIds?.length) {
      const starts = lookup(element.eventSubProcessIds).flatMap((subProcess) =>
        lookup(subProcess.childIds).filter((child) => child.type === 'START_EVENT'),
      );
      checkSet(element.id, starts, problems);
    }
    if (element.type === 'PROCESS')
      checkSet(
        element.id,
        lookup(element.childIds).filter((child) => child.type === 'START_EVENT'),
        problems,
      );
  }
}

function checkSet(ownerId: string, events: readonly ExecutableElement[], problems: Problems): void {
  for (const name of duplicatedNames(events.map((event) => expressionKey(event.message?.name)))) {
    problems.error(
      ownerId,
      `Multiple message event definitions with the same name '${name}' are not allowed.`,
    );
  }
  for (const name of duplicatedNames(events.map((event) => expressionKey(event.signalName)))) {
    problems.error(
      ownerId,
      `Multiple signal event definitions with the same name '${name}' are not allowed.`,
    );
  }
  checkCodes(
    ownerId,
    events.filter((event) => event.eventType === 'ERROR'),
    'error',
    (event) => event.errorCode?.source,
    problems,
  );
  checkCodes(
    ownerId,
    events.filter((event) => event.eventType === 'ESCALATION'),
    'escalation',
    (event) => event.escalationCode?.source,
    problems,
  );
}

function checkCodes(
  ownerId: string,
  events: readonly ExecutableElement[],
  kind: 'error' | 'escalation',
  codeOf: (event: ExecutableElement) => string | undefined,
  problems: Problems,
): void {
  if (events.filter((event) => codeOf(event) === undefined).length > 1) {
    problems.error(
      ownerId,
      `The same scope can not contain more than one ${kind} catch event without ${kind} code. An ${kind} catch event without ${kind} code catches all ${kind}s.`,
    );
  }
  for (const code of duplicatedNames(events.map(codeOf))) {
    problems.error(
      ownerId,
      `Multiple ${kind} catch events with the same ${kind} code '${code}' are not supported on the same scope.`,
    );
  }
}

/** Names that occur more than once (undefined entries are ignored). */
export function duplicatedNames(names: readonly (string | undefined)[]): string[] {
  const seen = new Set<string>();
  const duplicated = new Set<string>();
  for (const name of names) {
    if (name === undefined) continue;
    if (seen.has(name)) duplicated.add(name);
    seen.add(name);
  }
  return [...duplicated];
}

/** An expression as written: `=` marks FEEL, so a static name and a FEEL one never look alike. */
export function expressionKey(expression: CompiledExpression | undefined): string | undefined {
  if (!expression) return undefined;
  return expression.isStatic ? expression.source : `=${expression.source}`;
}
