import { evaluateText } from '../behaviors/expressions.js';
import type { ExecutableElement } from '../model/types.js';
import type { ElementInstance } from '../state/elementInstance.js';
import { triggerEvent } from './eventTrigger.js';
import type { InstanceExecution } from './instanceExecution.js';

/**
 * Throws an escalation from an element instance, innermost scope first: escalation boundary
 * events of each enclosing subprocess and escalation event subprocesses of each scope. An exact
 * code beats a catch-all. Unlike an error, an escalation nobody catches is no incident: the
 * flow simply goes on. Returns whether a catcher interrupted the thrower's scope.
 */
export async function throwEscalation(execution: InstanceExecution, source: ElementInstance, code: string): Promise<{ interrupted: boolean }> {
  for (let current = source.flowScopeKey === undefined ? undefined : execution.state.get(source.flowScopeKey); current; ) {
    const startEvent = bestCatcher(execution, execution.eventSubProcessStartsOf(current), code);
    if (startEvent) {
      await triggerEvent(execution, current, startEvent.id, {});
      return { interrupted: startEvent.interrupting !== false };
    }
    const boundary = bestCatcher(execution, execution.boundaryEventsOf(current), code);
    if (boundary) {
      await triggerEvent(execution, current, boundary.id, {});
      return { interrupted: boundary.interrupting !== false };
    }
    current = current.flowScopeKey === undefined ? undefined : execution.state.get(current.flowScopeKey);
  }
  return { interrupted: false };
}

function bestCatcher(execution: InstanceExecution, candidateIds: readonly string[], code: string): ExecutableElement | undefined {
  const events = candidateIds.map((id) => execution.element(id)).filter((event) => event.eventType === 'ESCALATION');
  const codeOf = (event: ExecutableElement): string => {
    const result = event.escalationCode ? evaluateText(event.escalationCode, {}, 0) : undefined;
    return result?.ok ? result.value : '';
  };
  return events.find((event) => codeOf(event) === code) ?? events.find((event) => codeOf(event) === '');
}
