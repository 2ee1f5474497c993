import type { JsonValue } from '../feel/types.js';
import type { ExecutableElement } from '../model/types.js';
import type { InstanceExecution } from './instanceExecution.js';
import { activateElement, terminateElement } from './lifecycle.js';
import type { ElementInstance } from '../state/elementInstance.js';
import { evaluateAs } from '../behaviors/expressions.js';
import { setResultVariables } from '../behaviors/variableBehavior.js';

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
    const element = execution.elementOf(current);
    const boundary = bestCatcher(execution, element.boundaryEventIds ?? [], errorCode);
    if (boundary) {
      const flowScopeKey = current.flowScopeKey!;
      await terminateElement(execution, current);
      await activateCatchEvent(execution, boundary.id, flowScopeKey, variables);
      return true;
    }
    const scope: ElementInstance | undefined =
      current.flowScopeKey === undefined ? undefined : execution.state.get(current.flowScopeKey);
    if (!scope) return false;
    const startEvent = bestCatcher(execution, eventSubProcessStartEvents(execution, execution.elementOf(scope)), errorCode);
    if (startEvent) {
      for (const child of execution.state.activeChildren(scope.key)) await terminateElement(execution, child);
      scope.runtime.takenFlows = {};
      execution.state.touch(scope);
      const subProcess = await activateElement(execution, startEvent.flowScopeId!, scope.key);
      await activateCatchEvent(execution, startEvent.id, subProcess.key, variables);
      return true;
    }
    current = scope;
  }
  return false;
}

function eventSubProcessStartEvents(execution: InstanceExecution, container: ExecutableElement): string[] {
  return (container.eventSubProcessIds ?? []).flatMap((id) => {
    const subProcess = execution.element(id);
    return (subProcess.childIds ?? []).filter((childId) => execution.element(childId).type === 'START_EVENT');
  });
}

/** The catch event for this code among candidates: an exact code first, then a catch-all. */
function bestCatcher(execution: InstanceExecution, candidateIds: readonly string[], errorCode: string) {
  const errorEvents = candidateIds.map((id) => execution.element(id)).filter((event) => event.eventType === 'ERROR');
  const exact = errorEvents.find((event) => event.errorCode && staticCode(event) === errorCode);
  return exact ?? errorEvents.find((event) => !event.errorCode || staticCode(event) === '');
}

function staticCode(event: ExecutableElement): string | undefined {
  const result = event.errorCode ? evaluateAs(event.errorCode, {}, 'STRING', 0) : undefined;
  return result?.ok ? String(result.value) : undefined;
}

async function activateCatchEvent(
  execution: InstanceExecution,
  elementId: string,
  flowScopeKey: string,
  variables: Record<string, JsonValue>,
): Promise<void> {
  // The catch event completes in a later queued step, so its variables are in place before its
  // output mappings run.
  const instance = await activateElement(execution, elementId, flowScopeKey);
  await setResultVariables(execution, instance, variables);
}
