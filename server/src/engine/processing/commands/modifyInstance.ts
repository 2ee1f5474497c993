import { EngineRejection } from '../../api.js';
import { setVariablesLocal } from '../../behaviors/variableBehavior.js';
import type { CommandRunner } from '../commandRunner.js';
import type { InstanceExecution } from '../instanceExecution.js';
import { activateElement, terminateElement } from '../lifecycle.js';
import { checkTermination, planActivation, type ActivationPlan, type ModifyInstanceCommand } from './modificationPlan.js';

export type { ModifyInstanceCommand } from './modificationPlan.js';

/**
 * Process instance modification (Zeebe's ModifyProcessInstance): activates elements, creating
 * the flow scopes they need, and terminates element instances. All instructions are checked
 * first, so a rejected command changes nothing. Activations run before terminations; a flow
 * scope left without active children by a termination is terminated too, up to the process
 * instance itself.
 */
export function modifyInstance(runner: CommandRunner, command: ModifyInstanceCommand): Promise<void> {
  const { processInstanceKey } = command;
  const notFound = `Expected to modify process instance but no process instance found with key '${processInstanceKey}'`;
  return runner.onInstance({ processInstanceKey }, notFound, async (execution) => {
    const root = execution.state.get(processInstanceKey);
    if (!root || root.flowScopeKey !== undefined) throw new EngineRejection('NOT_FOUND', notFound);
    const plans = command.activateInstructions.map((instruction) => planActivation(execution, instruction));
    const terminations = command.terminateInstructions.map(({ elementInstanceKey }) => checkTermination(execution, elementInstanceKey));
    for (const plan of plans) await activate(execution, plan);
    for (const instance of terminations) {
      if (instance.state === 'TERMINATED') continue; // inside an instance terminated before
      await terminateElement(execution, instance);
      if (instance.flowScopeKey) await terminateEmptyScopes(execution, instance.flowScopeKey);
    }
    execution.ctx.records.append({
      key: processInstanceKey,
      recordType: 'EVENT',
      valueType: 'PROCESS_INSTANCE_MODIFICATION',
      intent: 'MODIFIED',
      processInstanceKey,
      timestamp: execution.ctx.now,
      value: { ...command },
    });
  });
}

async function activate(execution: InstanceExecution, plan: ActivationPlan): Promise<void> {
  for (const { scopeKey, variables } of plan.existingScopeVariables) await setVariablesLocal(execution, scopeKey, variables);
  let flowScopeKey = plan.anchor.key;
  for (const scopeId of plan.newScopes) {
    // A scope created for the modification starts empty: no start event, only the element below.
    const scope = await activateElement(execution, scopeId, flowScopeKey, {
      runtime: { startAt: [] },
      ...localVariables(plan, scopeId),
    });
    flowScopeKey = scope.key;
  }
  await activateElement(execution, plan.elementId, flowScopeKey, localVariables(plan, plan.elementId));
}

function localVariables(plan: ActivationPlan, elementId: string) {
  const variables = plan.newScopeVariables.get(elementId);
  return variables ? { localVariables: variables } : {};
}

/** A scope with nothing left running is terminated, and so on upwards. */
async function terminateEmptyScopes(execution: InstanceExecution, flowScopeKey: string): Promise<void> {
  const { state } = execution;
  for (let scope = state.get(flowScopeKey); scope; ) {
    if (scope.state !== 'ACTIVATED' || state.activeChildren(scope.key).length > 0) return;
    const parentKey = scope.flowScopeKey;
    await terminateElement(execution, scope);
    scope = parentKey ? state.get(parentKey) : undefined;
  }
}

