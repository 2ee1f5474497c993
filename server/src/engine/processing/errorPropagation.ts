import type { JsonValue } from '../feel/types.js';
import type { ExecutableElement } from '../model/types.js';
import type { ElementInstance } from '../state/elementInstance.js';
import { evaluateText } from '../behaviors/expressions.js';
import { catchAcrossCallActivities, type Catcher } from './callActivityPropagation.js';
import type { InstanceExecution } from './instanceExecution.js';

/**
 * Throws a BPMN error from an element instance and looks for a catcher, innermost first: error
 * boundary events of the element and of each enclosing subprocess, and error event subprocesses
 * of each enclosing scope; for a called process then on in its parent, from the call activity on.
 * An exact error code beats a catch-all in the same place.
 * Returns false when nothing catches it (the caller raises the incident where it was thrown).
 */
export async function throwBpmnError(
  execution: InstanceExecution,
  source: ElementInstance,
  errorCode: string,
  variables: Record<string, JsonValue>,
): Promise<boolean> {
  const lookup = (within: InstanceExecution, from: ElementInstance) => findErrorCatcher(within, from, errorCode);
  return (await catchAcrossCallActivities(execution, source, lookup, variables)) !== undefined;
}

function findErrorCatcher(execution: InstanceExecution, from: ElementInstance, errorCode: string): Catcher | undefined {
  for (let current: ElementInstance | undefined = from; current; ) {
    const boundary = bestCatcher(execution, execution.boundaryEventsOf(current), errorCode);
    if (boundary) return { owner: current, eventId: boundary.id };
    const scope: ElementInstance | undefined =
      current.flowScopeKey === undefined ? undefined : execution.state.get(current.flowScopeKey);
    if (!scope) return undefined;
    const startEvent = bestCatcher(execution, execution.eventSubProcessStartsOf(scope), errorCode);
    if (startEvent) return { owner: scope, eventId: startEvent.id };
    current = scope;
  }
  return undefined;
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
