import type { EventType, ExecutableElement } from '../types.js';
import {
  child,
  children,
  flag,
  idOf,
  localName,
  text,
  type ModdleElement,
} from '../moddle/moddleElement.js';
import { errorDetails, escalationDetails } from './codeEventTransformer.js';
import { messageDetails } from './messageEventTransformer.js';
import type { FlowNodeEntry } from './scopeWalker.js';
import { signalDetails } from './signalEventTransformer.js';
import { timerDetails } from './timerEventTransformer.js';
import type { TransformContext } from './transformContext.js';

export type EventDetails = Pick<
  ExecutableElement,
  | 'eventType'
  | 'interrupting'
  | 'attachedToId'
  | 'timer'
  | 'message'
  | 'errorCode'
  | 'escalationCode'
  | 'signalName'
  | 'linkName'
>;

/** How an event takes part: started by the outside, waiting for something, or throwing it. */
export type EventRole = 'processStart' | 'catch' | 'throw';

const EVENT_TYPES_BY_DEFINITION: Readonly<Record<string, EventType>> = {
  'bpmn:TimerEventDefinition': 'TIMER',
  'bpmn:MessageEventDefinition': 'MESSAGE',
  'bpmn:ErrorEventDefinition': 'ERROR',
  'bpmn:TerminateEventDefinition': 'TERMINATE',
  'bpmn:SignalEventDefinition': 'SIGNAL',
  'bpmn:EscalationEventDefinition': 'ESCALATION',
  'bpmn:CompensateEventDefinition': 'COMPENSATION',
  'bpmn:LinkEventDefinition': 'LINK',
  'bpmn:ConditionalEventDefinition': 'CONDITIONAL',
};

const EVENTS = new Set([
  'START_EVENT',
  'INTERMEDIATE_CATCH_EVENT',
  'INTERMEDIATE_THROW_EVENT',
  'BOUNDARY_EVENT',
  'END_EVENT',
]);

/** The event type from the event definition, the definition's details, and how the event is attached. */
export function eventDetails(entry: FlowNodeEntry, ctx: TransformContext): EventDetails {
  if (entry.type === 'RECEIVE_TASK')
    return { eventType: 'UNSPECIFIED', ...messageDetails(entry.id, entry.node, 'catch', ctx) };
  if (!EVENTS.has(entry.type)) return { eventType: 'UNSPECIFIED' };
  const definitions = children(entry.node, 'eventDefinitions');
  if (definitions.length > 1) ctx.problems.error(entry.id, tooManyDefinitions(entry));
  const definition = definitions[0];
  const eventType: EventType = definition
    ? (EVENT_TYPES_BY_DEFINITION[definition.$type] ?? 'UNSPECIFIED')
    : 'NONE';
  const details: EventDetails = { eventType, ...attachment(entry, ctx) };
  if (!definition) return details;
  const role = roleOf(entry, ctx);
  switch (eventType) {
    case 'TIMER':
      return { ...details, ...timerDetails(entry, definition, role, ctx) };
    case 'MESSAGE':
      return { ...details, ...messageDetails(entry.id, definition, role, ctx) };
    case 'ERROR':
      return { ...details, ...errorDetails(entry.id, definition, role, ctx) };
    case 'ESCALATION':
      return { ...details, ...escalationDetails(entry.id, definition, role, ctx) };
    case 'SIGNAL':
      return { ...details, ...signalDetails(entry.id, definition, role, ctx) };
    case 'LINK':
      return { ...details, ...linkDetails(entry.id, definition, ctx) };
    case 'UNSPECIFIED':
      ctx.problems.error(
        entry.id,
        `Event definitions of type '${localName(definition.$type)}' are currently not supported`,
      );
      return details;
    default:
      return details;
  }
}

function roleOf(entry: FlowNodeEntry, ctx: TransformContext): EventRole {
  if (entry.type === 'START_EVENT')
    return ctx.scopeTypes.get(entry.scopeId) === 'EVENT_SUB_PROCESS' ? 'catch' : 'processStart';
  return entry.type === 'INTERMEDIATE_THROW_EVENT' || entry.type === 'END_EVENT'
    ? 'throw'
    : 'catch';
}

function tooManyDefinitions(entry: FlowNodeEntry): string {
  if (entry.type === 'START_EVENT') return "Start event can't have more than one type";
  return entry.type === 'END_EVENT'
    ? 'Must have at most one event definition'
    : 'Must have exactly one event definition';
}

/** Boundary events: the activity and cancelActivity; event-subprocess starts: isInterrupting. */
function attachment(
  entry: FlowNodeEntry,
  ctx: TransformContext,
): Pick<ExecutableElement, 'interrupting' | 'attachedToId'> {
  if (entry.type === 'START_EVENT') {
    return ctx.scopeTypes.get(entry.scopeId) === 'EVENT_SUB_PROCESS'
      ? { interrupting: flag(entry.node, 'isInterrupting') !== false }
      : {};
  }
  if (entry.type !== 'BOUNDARY_EVENT') return {};
  const interrupting = flag(entry.node, 'cancelActivity') !== false;
  const activity = child(entry.node, 'attachedToRef');
  const activityId = activity ? idOf(activity) : undefined;
  if (activityId !== undefined) return { interrupting, attachedToId: activityId };
  const dangling = ctx.references.idOf(entry.node, 'attachedToRef');
  ctx.problems.error(
    entry.id,
    dangling === undefined
      ? 'Must be attached to an activity'
      : `Must be attached to an activity, but attachedToRef '${dangling}' does not exist`,
  );
  return { interrupting };
}

function linkDetails(
  elementId: string,
  definition: ModdleElement,
  ctx: TransformContext,
): Pick<ExecutableElement, 'linkName'> {
  const linkName = text(definition, 'name');
  if (linkName === undefined || linkName.trim() === '') {
    ctx.problems.error(elementId, 'Link events must have a name (bpmn:linkEventDefinition name)');
    return {};
  }
  return { linkName };
}
