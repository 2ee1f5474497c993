import type { JsonValue } from '../feel/types.js';
import type { ExecutableElement } from '../model/types.js';
import type { ElementInstance } from '../state/elementInstance.js';
import { evaluateText } from '../behaviors/expressions.js';
import { triggerEvent } from './eventTrigger.js';
import type { InstanceExecution } from './instanceExecution.js';

/**
 * Throws a BPMN error from an element instance and looks for a catcher, innermost first: error
 * boundary events of the element and of each enclosing subprocess, and error event subprocesses
 * of each enclosing scope. An exact error code beats a catch-all in the same place.
 * Returns false when nothing catches it (the caller raises the incident).
 */
export async function throwBpmnError(
  execution: InstanceExecution,
  source: ElementInstance,
  errorCode: string,
  variables: Record<string, JsonValue>,
): Promise<boolean> {
  for (let current: ElementInstance | undefined = source; current; ) {
    const boundary = bestCatcher(execution, execution.boundaryEventsOf(current), errorCode);
    if (boundary) {
      await triggerEvent(execution, current, boundary.id, variables);
      return true;
    }
    const scope: ElementInstance | undefined =
      current.flowScopeKey === undefined ? undefined : execution.state.get(current.flowScopeKey);
    if (!scope) return false;
    const startEvent = bestCatcher(execution, execution.eventSubProcessStartsOf(scope), errorCode);
    if (startEvent) {
      await triggerEvent(execution, scope, startEvent.id, variables);
      return true;
    }
    current = scope;
  }
  return false;
}

/** The catch event for this code among candidates: an exact code first, then a catch-all. */
function bestCatcher(execution: InstanceExecution, candidateIds: readonly string[], errorCode: string) {
  const errorEvents = candidateIds.map((id) => execution.element(id)).filter((event) => event.eventType === 'ERROR');
  const exact = errorEvents.find((event) => event.errorCode && staticCode(event) === errorCode);
  return exact ?? errorEvents.find((event) => !event.errorCode || staticCode(event) === '');
}

function staticCode(event: ExecutableElement): string | undefined {
  const result = event.errorCode ? evaluateText(event.errorCode, {}, 0) : undefined;
  return result?.ok ? result.value : undefined;
}
