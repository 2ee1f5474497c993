import type { ExecutableElement, ExecutableSequenceFlow } from '../model/types.js';
import type { ElementInstance } from '../state/elementInstance.js';
import type { InstanceExecution } from './instanceExecution.js';

/**
 * Joining gateways (parallel or inclusive with several incoming flows) count the flows taken
 * in their flow scope. These functions keep that count and say when a join may activate; the
 * lifecycle does the activating.
 */
export function isJoin(element: ExecutableElement): boolean {
  return (element.type === 'PARALLEL_GATEWAY' || element.type === 'INCLUSIVE_GATEWAY') && element.incoming.length > 1;
}

/** Registers a token arriving at a join; returns true when the join is satisfied (tokens consumed). */
export function arriveAtJoin(execution: InstanceExecution, flow: ExecutableSequenceFlow, scope: ElementInstance): boolean {
  const taken = (scope.runtime.takenFlows ??= {});
  taken[flow.id] = (taken[flow.id] ?? 0) + 1;
  execution.state.touch(scope);
  return consumeIfSatisfied(execution, scope, execution.element(flow.targetId));
}

export function pendingJoinTokens(scope: ElementInstance): number {
  return Object.values(scope.runtime.takenFlows ?? {}).reduce((sum, count) => sum + count, 0);
}

/** Inclusive joins that became satisfied because another token in the scope ended (consumed). */
export function satisfiedWaitingJoins(execution: InstanceExecution, scope: ElementInstance): string[] {
  const waiting = new Set<string>();
  for (const [flowId, count] of Object.entries(scope.runtime.takenFlows ?? {})) {
    if (count > 0) waiting.add(execution.flow(flowId).targetId);
  }
  return [...waiting].filter((gatewayId) => {
    const gateway = execution.element(gatewayId);
    return gateway.type === 'INCLUSIVE_GATEWAY' && consumeIfSatisfied(execution, scope, gateway);
  });
}

function consumeIfSatisfied(execution: InstanceExecution, scope: ElementInstance, gateway: ExecutableElement): boolean {
  const taken = scope.runtime.takenFlows ?? {};
  const arrived = gateway.incoming.filter((flowId) => (taken[flowId] ?? 0) > 0);
  if (arrived.length === 0) return false;
  const missing = gateway.incoming.filter((flowId) => (taken[flowId] ?? 0) === 0);
  const satisfied =
    gateway.type === 'PARALLEL_GATEWAY' ? missing.length === 0 : !canStillArrive(execution, scope, gateway, missing);
  if (!satisfied) return false;
  for (const flowId of arrived) {
    taken[flowId] = taken[flowId]! - 1;
    if (taken[flowId] === 0) delete taken[flowId];
  }
  execution.state.touch(scope);
  return true;
}

/** Whether any live token in the scope can still reach the gateway through a missing flow. */
function canStillArrive(
  execution: InstanceExecution,
  scope: ElementInstance,
  gateway: ExecutableElement,
  missingFlowIds: string[],
): boolean {
  const missingSources = new Set(missingFlowIds.map((flowId) => execution.flow(flowId).sourceId));
  const starts = execution.state.activeChildren(scope.key).map((child) => child.elementId);
  // Tokens waiting at other joins can move on later as well.
  for (const [flowId, count] of Object.entries(scope.runtime.takenFlows ?? {})) {
    const target = execution.flow(flowId).targetId;
    if (count > 0 && target !== gateway.id) starts.push(target);
  }
  const seen = new Set<string>();
  const stack = [...starts];
  for (let elementId = stack.pop(); elementId !== undefined; elementId = stack.pop()) {
    if (seen.has(elementId) || elementId === gateway.id) continue;
    seen.add(elementId);
    if (missingSources.has(elementId)) return true;
    const element = execution.element(elementId);
    for (const flowId of element.outgoing) stack.push(execution.flow(flowId).targetId);
    for (const boundaryId of element.boundaryEventIds ?? []) stack.push(boundaryId);
  }
  return false;
}
