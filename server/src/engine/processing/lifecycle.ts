import { closeIncident, raiseIncident } from '../behaviors/incidentBehavior.js';
import { applyInputMappings, applyOutputMappings, setVariablesLocal, type Outcome } from '../behaviors/variableBehavior.js';
import type { JsonValue } from '../feel/types.js';
import { FINAL_STATES, type ElementInstance, type ElementRuntime } from '../state/elementInstance.js';
import { closeSubscriptions } from '../behaviors/eventSubscriptionBehavior.js';
import type { InstanceExecution } from './instanceExecution.js';
import { arriveAtJoin, isJoin, pendingJoinTokens, satisfiedWaitingJoins } from './joins.js';

/**
 * The element-instance lifecycle of Zeebe: ACTIVATING → ACTIVATED → COMPLETING → COMPLETED, or
 * TERMINATING → TERMINATED, with the records each transition writes. Processors decide what
 * happens in between; they never change state themselves.
 */

export async function activateElement(
  execution: InstanceExecution,
  elementId: string,
  flowScopeKey: string | undefined,
  options: { key?: string; runtime?: ElementRuntime; localVariables?: Record<string, JsonValue> } = {},
): Promise<ElementInstance> {
  const element = execution.element(elementId);
  // A multi-instance activity is entered through its body, which then activates the inner instances.
  const scope = flowScopeKey === undefined ? undefined : execution.state.get(flowScopeKey);
  const isBody = element.multiInstance !== undefined && !(scope?.elementType === 'MULTI_INSTANCE_BODY' && scope.elementId === elementId);
  const instance: ElementInstance = {
    key: options.key ?? (await execution.ctx.nextKey()),
    elementId,
    elementName: element.name,
    elementType: isBody ? 'MULTI_INSTANCE_BODY' : element.type,
    flowScopeKey,
    state: 'ACTIVATING',
    runtime: options.runtime ?? {},
    startDate: execution.ctx.now,
    endDate: undefined,
    incidentKey: undefined,
  };
  execution.state.add(instance);
  execution.recordElement(instance, 'ELEMENT_ACTIVATING');
  if (options.localVariables) await setVariablesLocal(execution, instance.key, options.localVariables);
  await runActivation(execution, instance);
  return instance;
}

/** The activation step: also what a resolved incident during activation runs again. */
export async function runActivation(execution: InstanceExecution, instance: ElementInstance): Promise<void> {
  const element = execution.elementOf(instance);
  // Mappings belong to the inner instances of a multi-instance activity, not to its body.
  const mapped = instance.elementType === 'MULTI_INSTANCE_BODY' ? { ok: true as const } : await applyInputMappings(execution, instance);
  if (!mapped.ok) return failed(execution, instance, mapped, 'activate');
  const outcome = await execution.processorFor(instance.elementType).onActivate(execution, instance, element);
  if (!outcome.ok) return failed(execution, instance, outcome, 'activate');
}

export function markActivated(execution: InstanceExecution, instance: ElementInstance): void {
  if (instance.state !== 'ACTIVATING') return;
  execution.state.setState(instance, 'ACTIVATED', execution.ctx.now);
  execution.recordElement(instance, 'ELEMENT_ACTIVATED');
  execution.ctx.services.onActivated(execution, instance);
}

/** Starts completing an activated element; the rest runs as a queued step. */
export function completeElement(execution: InstanceExecution, instance: ElementInstance): void {
  markActivated(execution, instance);
  execution.state.setState(instance, 'COMPLETING', execution.ctx.now);
  execution.recordElement(instance, 'ELEMENT_COMPLETING');
  execution.enqueue(() => runCompletion(execution, instance));
}

/** The completion step: also what a resolved incident during completion runs again. */
export async function runCompletion(execution: InstanceExecution, instance: ElementInstance): Promise<void> {
  if (instance.state !== 'COMPLETING') return;
  const element = execution.elementOf(instance);
  const processor = execution.processorFor(instance.elementType);
  const mapped = instance.elementType === 'MULTI_INSTANCE_BODY' ? { ok: true as const } : await applyOutputMappings(execution, instance);
  if (!mapped.ok) return failed(execution, instance, mapped, 'complete');
  const inner = execution.isMultiInstanceInner(instance);
  const flows = inner
    ? { ok: true as const, flowIds: [] }
    : processor.outgoingFlows
      ? await processor.outgoingFlows(execution, instance, element)
      : { ok: true as const, flowIds: [...element.outgoing] };
  if (!flows.ok) return failed(execution, instance, flows, 'complete');
  if (inner) {
    const body = execution.state.require(instance.flowScopeKey!);
    const collected = await execution.processorFor('MULTI_INSTANCE_BODY').onChildCompleting?.(execution, body, instance);
    if (collected && !collected.ok) return failed(execution, instance, collected, 'complete');
  }

  await closeSubscriptions(execution, instance);
  execution.state.setState(instance, 'COMPLETED', execution.ctx.now);
  execution.recordElement(instance, 'ELEMENT_COMPLETED');
  if (instance.flowScopeKey === undefined) {
    execution.ctx.finishedInstances.push(finishedOutcome(execution, 'COMPLETED'));
    return;
  }
  for (const flowId of flows.flowIds) takeFlow(execution, flowId, instance.flowScopeKey);
  if (flows.flowIds.length === 0) execution.enqueue(() => childEnded(execution, instance.flowScopeKey!));
}

export function takeFlow(execution: InstanceExecution, flowId: string, flowScopeKey: string): void {
  const flow = execution.flow(flowId);
  execution.ctx.records.append({
    key: '-1',
    recordType: 'EVENT',
    valueType: 'PROCESS_INSTANCE',
    intent: 'SEQUENCE_FLOW_TAKEN',
    processInstanceKey: execution.state.identity.processInstanceKey,
    bpmnProcessId: execution.state.identity.bpmnProcessId,
    elementId: flow.id,
    elementType: 'SEQUENCE_FLOW',
    timestamp: execution.ctx.now,
    value: { elementId: flow.id, flowScopeKey, bpmnElementType: 'SEQUENCE_FLOW' },
  });
  execution.enqueue(async () => {
    const target = execution.element(flow.targetId);
    if (!isJoin(target)) await activateElement(execution, target.id, flowScopeKey);
    else if (arriveAtJoin(execution, flow, execution.state.require(flowScopeKey))) {
      await activateElement(execution, target.id, flowScopeKey);
    }
  });
}

/**
 * A child of a scope ended without taking a flow. When nothing is left running in the scope,
 * the scope itself completes (or, if it was being terminated, finishes terminating).
 */
export async function childEnded(execution: InstanceExecution, flowScopeKey: string): Promise<void> {
  const scope = execution.state.get(flowScopeKey);
  if (!scope || scope.state !== 'ACTIVATED') return;
  const scopeProcessor = execution.processorFor(scope.elementType);
  if (scopeProcessor.onChildEnded) return scopeProcessor.onChildEnded(execution, scope, execution.elementOf(scope));
  for (const gatewayId of satisfiedWaitingJoins(execution, scope)) await activateElement(execution, gatewayId, scope.key);
  if (execution.state.activeChildren(scope.key).length > 0 || pendingJoinTokens(scope) > 0) return;
  completeElement(execution, scope);
}

/**
 * Terminates an element and everything inside it, depth first: jobs are cancelled, incidents
 * closed. Does not continue the flow scope: the caller decides what happens next.
 */
export async function terminateElement(execution: InstanceExecution, instance: ElementInstance): Promise<void> {
  if (FINAL_STATES.has(instance.state)) return;
  const { state, ctx } = execution;
  state.setState(instance, 'TERMINATING', ctx.now);
  execution.recordElement(instance, 'ELEMENT_TERMINATING');
  for (const child of state.activeChildren(instance.key)) await terminateElement(execution, child);
  const element = execution.elementOf(instance);
  await execution.processorFor(instance.elementType).onTerminate?.(execution, instance, element);
  await closeIncident(execution, instance);
  instance.runtime.takenFlows = {};
  state.setState(instance, 'TERMINATED', ctx.now);
  execution.recordElement(instance, 'ELEMENT_TERMINATED');
  if (instance.flowScopeKey === undefined) {
    ctx.finishedInstances.push(finishedOutcome(execution, 'TERMINATED'));
  }
}

async function failed(
  execution: InstanceExecution,
  instance: ElementInstance,
  outcome: Extract<Outcome, { ok: false }>,
  retryStep: 'activate' | 'complete',
): Promise<void> {
  await raiseIncident(execution, instance, { errorType: outcome.errorType, message: outcome.message }, retryStep);
}

function finishedOutcome(execution: InstanceExecution, state: 'COMPLETED' | 'TERMINATED') {
  const key = execution.state.identity.processInstanceKey;
  const variables: Record<string, unknown> = {};
  for (const [name, entry] of execution.state.scopeVariables(key) ?? []) variables[name] = entry.value;
  return { processInstanceKey: key, state, variables };
}
