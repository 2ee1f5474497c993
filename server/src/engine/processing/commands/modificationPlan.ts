import { EngineRejection, type VariableDocument } from '../../api.js';
import type { ElementInstance } from '../../state/elementInstance.js';
import type { InstanceExecution } from '../instanceExecution.js';

export interface ModifyInstanceCommand {
  processInstanceKey: string;
  activateInstructions: {
    elementId: string;
    /** Absent: the one active instance of the element's flow scope (or of the nearest scope above). */
    ancestorElementInstanceKey?: string;
    /** scopeId absent: the process instance. */
    variableInstructions: { variables: VariableDocument; scopeId?: string }[];
  }[];
  terminateInstructions: { elementInstanceKey: string }[];
}

/** What one activate instruction does, worked out before anything changes. */
export interface ActivationPlan {
  elementId: string;
  /** The existing instance the new instances go under. */
  anchor: ElementInstance;
  /** Flow scopes to create below the anchor, outermost first. */
  newScopes: string[];
  /** Variables for the new scopes and the element, by element id. */
  newScopeVariables: Map<string, VariableDocument>;
  /** Variables for instances that exist already. */
  existingScopeVariables: { scopeKey: string; variables: VariableDocument }[];
}

/** Zeebe does not activate these directly (they only start through their event or flow). */
const UNSUPPORTED_TYPES = new Set(['START_EVENT', 'BOUNDARY_EVENT', 'PROCESS']);

/**
 * Checks an activate instruction as Zeebe does and plans it. Every failure is INVALID_ARGUMENT
 * naming the element, key or scope at fault; nothing is changed until every instruction passed.
 */
export function planActivation(execution: InstanceExecution, instruction: ModifyInstanceCommand['activateInstructions'][number]): ActivationPlan {
  const { elementId } = instruction;
  const element = execution.process.elements.get(elementId);
  if (!element) reject(execution, `activate instructions with an element that could not be found: '${elementId}'`);
  if (UNSUPPORTED_TYPES.has(element.type)) {
    reject(execution, `activate instructions for elements that are unsupported: '${elementId}'. The activation for the following element types is unsupported: 'START_EVENT', 'BOUNDARY_EVENT', 'PROCESS'`);
  }
  const afterEventGateway = element.incoming.some((flowId) => execution.element(execution.flow(flowId).sourceId).type === 'EVENT_BASED_GATEWAY');
  if (afterEventGateway) reject(execution, `activate instructions for events belonging to an event-based gateway: '${elementId}'. Activate the event-based gateway instead`);
  const chain = flowScopesOf(execution, elementId);
  const multiInstance = chain.find((scopeId) => execution.element(scopeId).multiInstance);
  if (multiInstance) reject(execution, `activate instructions for elements that are nested in a multi-instance element: '${elementId}' (in '${multiInstance}')`);

  const { anchor, depth } = instruction.ancestorElementInstanceKey
    ? explicitAncestor(execution, chain, elementId, instruction.ancestorElementInstanceKey)
    : onlyActiveScope(execution, chain, elementId);
  const plan: ActivationPlan = { elementId, anchor, newScopes: chain.slice(0, depth).reverse(), newScopeVariables: new Map(), existingScopeVariables: [] };
  for (const { variables, scopeId } of instruction.variableInstructions) addVariables(execution, plan, chain, scopeId, variables);
  return plan;
}

export function checkTermination(execution: InstanceExecution, elementInstanceKey: string): ElementInstance {
  const instance = execution.state.get(elementInstanceKey);
  if (!instance || instance.state === 'COMPLETED' || instance.state === 'TERMINATED') {
    reject(execution, `terminate instructions with an element instance that could not be found: '${elementInstanceKey}'`);
  }
  return instance;
}

/** Ids of the element's flow scopes, innermost first, up to and including the process. */
function flowScopesOf(execution: InstanceExecution, elementId: string): string[] {
  const chain: string[] = [];
  for (let scopeId = execution.element(elementId).flowScopeId; scopeId; scopeId = execution.element(scopeId).flowScopeId) chain.push(scopeId);
  return chain;
}

function explicitAncestor(execution: InstanceExecution, chain: string[], elementId: string, key: string): { anchor: ElementInstance; depth: number } {
  const anchor = execution.state.get(key);
  if (!anchor || anchor.state !== 'ACTIVATED') {
    reject(execution, `activate instructions with an ancestor scope key that does not exist, or is not in an active state: '${key}'`);
  }
  const depth = chain.indexOf(anchor.elementId);
  if (depth < 0) reject(execution, `activate instructions with an ancestor scope key that is not an ancestor of the element to activate: '${key}' is an instance of '${anchor.elementId}', which does not contain '${elementId}'`);
  return { anchor, depth };
}

/** The nearest flow scope with an active instance; more than one is ambiguous. */
function onlyActiveScope(execution: InstanceExecution, chain: string[], elementId: string): { anchor: ElementInstance; depth: number } {
  for (const [depth, scopeId] of chain.entries()) {
    const active = execution.state.activatedInstancesOf(scopeId);
    if (active.length > 1) {
      reject(execution, `activate instructions for an element that has a flow scope with more than one active instance: '${elementId}'. Can't decide in which instance of the flow scope the element should be activated. Please specify an ancestor element instance key for this activate instruction`);
    }
    if (active[0]) return { anchor: active[0], depth };
  }
  reject(execution, `activate instructions for an element whose process instance is not active: '${elementId}'`);
}

function addVariables(execution: InstanceExecution, plan: ActivationPlan, chain: string[], scopeId: string | undefined, variables: VariableDocument): void {
  if (!scopeId) {
    plan.existingScopeVariables.push({ scopeKey: execution.state.identity.processInstanceKey, variables });
    return;
  }
  if (scopeId === plan.elementId || plan.newScopes.includes(scopeId)) {
    plan.newScopeVariables.set(scopeId, { ...plan.newScopeVariables.get(scopeId), ...variables });
    return;
  }
  if (chain.includes(scopeId)) {
    let instance: ElementInstance | undefined = plan.anchor;
    while (instance && instance.elementId !== scopeId) instance = instance.flowScopeKey ? execution.state.get(instance.flowScopeKey) : undefined;
    if (instance) {
      plan.existingScopeVariables.push({ scopeKey: instance.key, variables });
      return;
    }
  }
  if (!execution.process.elements.has(scopeId)) reject(execution, `variable instructions with a scope element id that could not be found: '${scopeId}'`);
  reject(execution, `variable instructions with a scope element that doesn't belong to the activating element's flow scope: '${scopeId}' (activating '${plan.elementId}')`);
}

function reject(execution: InstanceExecution, detail: string): never {
  throw new EngineRejection(
    'INVALID_ARGUMENT',
    `Expected to modify instance of process '${execution.state.identity.bpmnProcessId}' but it contains one or more ${detail}`,
  );
}
