import type { JsonValue } from '../feel/types.js';
import { closeSubscriptions } from '../behaviors/eventSubscriptionBehavior.js';
import { setResultVariables } from '../behaviors/variableBehavior.js';
import type { ElementInstance } from '../state/elementInstance.js';
import type { InstanceExecution } from './instanceExecution.js';
import { activateElement, completeElement, terminateElement } from './lifecycle.js';

/**
 * An event (message, timer, signal, error) reaches the element instance that waited for it.
 * What happens depends on where the catch event sits:
 * - the owner itself is the catch event or receive task: it completes with the variables;
 * - the owner is an event-based gateway: it completes towards the catch event that fired;
 * - a boundary event of the owner activity: interrupting ones terminate the activity first;
 * - an event subprocess start event in the owner scope: interrupting ones terminate the scope's
 *   other children first; the event subprocess is then activated inside the scope.
 */
export async function triggerEvent(
  execution: InstanceExecution,
  owner: ElementInstance,
  catchElementId: string,
  variables: Record<string, JsonValue>,
): Promise<void> {
  const event = execution.element(catchElementId);
  if (owner.elementId === catchElementId) {
    await closeSubscriptions(execution, owner);
    await setResultVariables(execution, owner, variables);
    completeElement(execution, owner);
    return;
  }
  const ownerElement = execution.elementOf(owner);
  if (ownerElement.type === 'EVENT_BASED_GATEWAY') {
    await closeSubscriptions(execution, owner);
    owner.runtime.chosenFlows = ownerElement.outgoing.filter((flowId) => execution.flow(flowId).targetId === catchElementId);
    execution.pendingEvents.set(catchElementId, variables);
    completeElement(execution, owner);
    return;
  }
  if (event.type === 'BOUNDARY_EVENT') {
    const flowScopeKey = owner.flowScopeKey!;
    if (event.interrupting !== false) await terminateElement(execution, owner);
    const boundary = await activateElement(execution, event.id, flowScopeKey);
    await setResultVariables(execution, boundary, variables);
    return;
  }
  // An event subprocess start event; the owner is the scope that contains the event subprocess.
  if (event.interrupting !== false) {
    await closeSubscriptions(execution, owner);
    for (const child of execution.state.activeChildren(owner.key)) await terminateElement(execution, child);
    owner.runtime.takenFlows = {};
    execution.state.touch(owner);
  }
  const subProcess = await activateElement(execution, event.flowScopeId!, owner.key);
  const start = await activateElement(execution, event.id, subProcess.key);
  await setResultVariables(execution, start, variables);
}
