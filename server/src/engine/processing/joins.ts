import type { ExecutableElement, ExecutableSequenceFlow } from '../model/types.js';
import type { ElementInstance } from '../state/elementInstance.js';
import type { InstanceExecution } from './instanceExecution.js';
import { activateElement } from './lifecycle.js';

/**
 * Tokens arriving at elements. Joining gateways (parallel or inclusive with several incoming
 * flows) count the flows taken in their flow scope and activate once the join is satisfied;
 * every other element is activated per arriving token.
 */
export async function tokenArrivesAt(
  execution: InstanceExecution,
  flow: ExecutableSequenceFlow,
  flowScopeKey: string,
): Promise<void> {
  const target = execution.element(flow.targetId);
  if (!isJoin(target)) {
    await activateElement(execution, target.id, flowScopeKey);
    return;
  }
  const scope = execution.state.require(flowScopeKey);
  const taken = (scope.runtime.takenFlows ??= {});
  taken[flow.id] = (taken[flow.id] ?? 0) + 1;
  execution.state.touch(scope);
  await activateJoinIfSatisfied(execution, scope, target);
}

function isJoin(element: ExecutableElement): boolean {
  return (element.type === 'PARALLEL_GATEWAY' || element.type === 'INCLUSIVE_GATEWAY') && element.incoming.length > 1;
}

export function pendingJoinTokens(scope: ElementInstance): number {
  return Object.values(scope.runtime.takenFlows ?? {}).reduce((sum, count) => sum + count, 0);
}

/** Inclusive joins may become satisfied when another token in the scope ends. */
export async function reconsiderWaitingJoins(execution: InstanceExecution, scope: ElementInstance): Promise<void> {
  const waiting = new Set<string>();
  for (const [flowId, count] of Object.entries(scope.runtime.takenFlows ?? {})) {
    if (count > 0) waiting.add(execution.flow(flowId).targetId);
  }
  for (const gatewayId of waiting) {
    const gateway = execution.element(gatewayId);
    if (gateway.type === 'INCLUSIVE_GATEWAY') await activateJoinIfSatisfied(execution, scope, gateway);
  }
}

async function activateJoinIfSatisfied(
  execution: InstanceExecution,
  scope: ElementInstance,
  gateway: ExecutableElement,
): Promise<void> {
  const taken = scope.runtime.takenFlows ?? {};
  const arrived = gateway.incoming.filter((flowId) => (taken[flowId] ?? 0) > 0);
  if (arrived.length === 0) return;
  const missing = gateway.incoming.filter((flowId) => (taken[flowId] ?? 0) === 0);
  const satisfied =
    gateway.type === 'PARALLEL_GATEWAY' ? missing.length === 0 : !canStillArrive(execution, scope, gateway, missing);
  if (!satisfied) return;
  for (const flowId of arrived) {
    taken[flowId] = taken[flowId]! - 1;
    if (taken[flowId] === 0) delete taken[flowId];
  }
  execution.state.touch(scope);
  await activateElement(execution, gateway.id, scope.key);
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
