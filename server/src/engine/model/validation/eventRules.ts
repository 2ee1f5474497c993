import type { ElementType, EventType, ExecutableElement } from '../types.js';
import type { Problems } from '../problems.js';
import { COVERAGE_URL, isActivity } from '../transform/elementKinds.js';
import type { Elements } from './processValidator.js';

interface Allowed {
  readonly types: readonly EventType[];
  readonly message: string;
}

const START_OF: Readonly<Partial<Record<ElementType, Allowed>>> = {
  PROCESS: {
    types: ['NONE', 'TIMER', 'MESSAGE', 'SIGNAL'],
    message: 'Start events of a process must be one of: none, timer, message or signal',
  },
  SUB_PROCESS: { types: ['NONE'], message: 'Start events in subprocesses must be of type none' },
  EVENT_SUB_PROCESS: {
    types: ['TIMER', 'MESSAGE', 'ERROR', 'SIGNAL', 'ESCALATION'],
    message:
      'Start events in event subprocesses must be one of: message, timer, error, signal or escalation',
  },
};

const ALLOWED: Readonly<Partial<Record<ElementType, Allowed>>> = {
  INTERMEDIATE_CATCH_EVENT: {
    types: ['MESSAGE', 'TIMER', 'SIGNAL', 'LINK'],
    message: 'Event definition must be one of: message, timer, signal or link',
  },
  INTERMEDIATE_THROW_EVENT: {
    types: ['NONE', 'MESSAGE', 'SIGNAL', 'ESCALATION', 'LINK'],
    message: 'Intermediate throw events must be one of: none, message, signal, escalation or link',
  },
  BOUNDARY_EVENT: {
    types: ['TIMER', 'MESSAGE', 'ERROR', 'SIGNAL', 'ESCALATION'],
    message: 'Boundary events must be one of: timer, message, error, signal, escalation',
  },
  END_EVENT: {
    types: ['NONE', 'ERROR', 'MESSAGE', 'TERMINATE', 'SIGNAL', 'ESCALATION'],
    message: 'End events must be one of: none, error, message, terminate, signal or escalation',
  },
};

/** Which event kinds may appear where, and the rules for boundary and end events. */
export function validateEvent(
  element: ExecutableElement,
  elements: Elements,
  problems: Problems,
): void {
  const scopeType =
    element.flowScopeId === undefined ? undefined : elements.get(element.flowScopeId)?.type;
  const allowed =
    element.type === 'START_EVENT'
      ? scopeType
        ? START_OF[scopeType]
        : undefined
      : ALLOWED[element.type];
  if (!allowed) return;
  if (!checkKind(element, allowed, problems)) return;
  checkInterrupting(element, problems);
  if (element.type === 'BOUNDARY_EVENT') validateBoundary(element, elements, problems);
  if (element.type === 'END_EVENT' && element.outgoing.length > 0) {
    problems.error(
      element.id,
      'End events must not have outgoing sequence flows to other elements.',
    );
  }
}

function checkKind(element: ExecutableElement, allowed: Allowed, problems: Problems): boolean {
  const { eventType } = element;
  if (eventType === 'UNSPECIFIED') return false; // an unknown definition, reported by the transformer
  if (eventType === 'CONDITIONAL' || eventType === 'COMPENSATION') {
    problems.error(
      element.id,
      `${eventType === 'CONDITIONAL' ? 'Conditional' : 'Compensation'} events are currently not supported (${COVERAGE_URL})`,
    );
    return false;
  }
  if (allowed.types.includes(eventType)) return true;
  const needsDefinition =
    eventType === 'NONE' &&
    (element.type === 'INTERMEDIATE_CATCH_EVENT' || element.type === 'BOUNDARY_EVENT');
  problems.error(
    element.id,
    needsDefinition ? 'Must have exactly one event definition' : allowed.message,
  );
  return false;
}

/** Errors always interrupt; a cycle timer that interrupts could only ever fire once. */
function checkInterrupting(element: ExecutableElement, problems: Problems): void {
  if (element.interrupting === false && element.eventType === 'ERROR') {
    problems.error(element.id, 'Non-Interrupting event of this type is not allowed');
  }
  if (element.interrupting === true && element.timer?.kind === 'cycle') {
    problems.error(element.id, 'Interrupting timer event with time cycle is not allowed.');
  }
}

function validateBoundary(
  element: ExecutableElement,
  elements: Elements,
  problems: Problems,
): void {
  if (element.incoming.length > 0)
    problems.error(element.id, 'Cannot have incoming sequence flows');
  if (element.attachedToId === undefined) return; // reported by the transformer
  const activity = elements.get(element.attachedToId);
  if (!activity || !isActivity(activity.type)) {
    problems.error(
      element.id,
      `Must be attached to an activity, but '${element.attachedToId}' is not one`,
    );
  } else if (activity.flowScopeId !== element.flowScopeId) {
    problems.error(
      element.id,
      `Must be in the same scope as the activity '${activity.id}' it is attached to`,
    );
  } else if (
    element.eventType === 'ESCALATION' &&
    activity.type !== 'SUB_PROCESS' &&
    activity.type !== 'CALL_ACTIVITY'
  ) {
    problems.error(
      element.id,
      'An escalation boundary event should only be attached to a subprocess, or a call activity.',
    );
  }
}
