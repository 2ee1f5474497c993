import type { ExecutableElement, ExecutableSequenceFlow } from '../types.js';
import type { Problems } from '../problems.js';
import { validateCatchEventSets } from './catchEventRules.js';
import { validateEvent } from './eventRules.js';
import { validateGateways } from './gatewayRules.js';
import { validateLinks } from './linkRules.js';

export type Elements = ReadonlyMap<string, ExecutableElement>;
export type Flows = ReadonlyMap<string, ExecutableSequenceFlow>;

/**
 * Rules that need the linked process (flows, children, attachments). Rules about a single
 * element's own settings are checked by its transformer, where the XML details are at hand.
 */
export function validateProcess(elements: Elements, flows: Flows, problems: Problems): void {
  for (const element of elements.values()) {
    if (element.childIds) validateStartEvents(element, elements, problems);
    validateEvent(element, elements, problems);
    if (
      element.type === 'EVENT_SUB_PROCESS' &&
      element.incoming.length + element.outgoing.length > 0
    ) {
      problems.error(
        element.id,
        'Event subprocesses must not have incoming or outgoing sequence flows',
      );
    }
  }
  validateGateways(elements, flows, problems);
  validateCatchEventSets(elements, problems);
  validateLinks(elements, problems);
}

/** A process needs a start event (at most one of them none); a subprocess exactly one. */
function validateStartEvents(
  container: ExecutableElement,
  elements: Elements,
  problems: Problems,
): void {
  const starts = (container.childIds ?? [])
    .map((id) => elements.get(id))
    .filter((child) => child?.type === 'START_EVENT');
  if (container.type === 'PROCESS') {
    if (starts.length === 0) problems.error(container.id, 'Must have at least one start event');
    if (starts.filter((start) => start?.eventType === 'NONE').length > 1)
      problems.error(container.id, 'Multiple none start events are not allowed');
  } else if (starts.length !== 1) {
    problems.error(container.id, 'Must have exactly one start event');
  }
}
