import { evaluateText } from '../behaviors/expressions.js';
import type { ExecutableElement } from '../model/types.js';
import type { ElementInstance } from '../state/elementInstance.js';
import { catchAcrossCallActivities, type Catcher } from './callActivityPropagation.js';
import type { InstanceExecution } from './instanceExecution.js';

/**
 * Throws an escalation from an element instance, innermost scope first: escalation boundary
 * events of each enclosing subprocess and escalation event subprocesses of each scope; for a
 * called process then on in its parent, from the call activity on. An exact code beats a
 * catch-all. Unlike an error, an escalation nobody catches is no incident: the flow simply goes
 * on. Returns whether a catcher interrupted the thrower's scope.
 */
export async function throwEscalation(execution: InstanceExecution, source: ElementInstance, code: string): Promise<{ interrupted: boolean }> {
  const lookup = (within: InstanceExecution, from: ElementInstance) => findEscalationCatcher(within, from, code);
  const caughtBy = await catchAcrossCallActivities(execution, source, lookup, {});
  return { interrupted: caughtBy !== undefined && caughtBy.interrupting !== false };
}

/** A throw event has no boundary events of its own, so starting at it or at a call activity is alike. */
function findEscalationCatcher(execution: InstanceExecution, from: ElementInstance, code: string): Catcher | undefined {
  for (let current: ElementInstance | undefined = from; current; ) {
    const startEvent = bestCatcher(execution, execution.eventSubProcessStartsOf(current), code);
    if (startEvent) return { owner: current, eventId: startEvent.id };
    const boundary = bestCatcher(execution, execution.boundaryEventsOf(current), code);
    if (boundary) return { owner: current, eventId: boundary.id };
    current = current.flowScopeKey === undefined ? undefined : execution.state.get(current.flowScopeKey);
  }
  return undefined;
}

function bestCatcher(execution: InstanceExecution, candidateIds: readonly string[], code: string): ExecutableElement | undefined {
  const events = candidateIds.map((id) => execution.element(id)).filter((event) => event.eventType === 'ESCALATION');
  const codeOf = (event: ExecutableElement): string => {
    const result = event.escalationCode ? evaluateText(event.escalationCode, {}, 0) : undefined;
    return result?.ok ? result.value : '';
  };
  return events.find((event) => codeOf(event) === code) ?? events.find((event) => codeOf(event) === '');
}
