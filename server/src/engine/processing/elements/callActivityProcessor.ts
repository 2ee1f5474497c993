import { evaluateText } from '../../behaviors/expressions.js';
import { setVariablesLocal, setVariablesPropagating, visibleVariables } from '../../behaviors/variableBehavior.js';
import type { JsonValue } from '../../feel/types.js';
import { EngineRejection } from '../../api.js';
import type { CommandContext } from '../commandContext.js';
import { createInstance } from '../commands/createInstance.js';
import type { ElementProcessor } from '../elementProcessor.js';
import type { InstanceExecution } from '../instanceExecution.js';
import { completeElement, markActivated, terminateElement } from '../lifecycle.js';

/**
 * Call activity: starts the latest version of the called process as a child instance and waits
 * for it. Variables go down (all visible ones, or only the input mappings) and come back up (all
 * of the child's, or only through output mappings), as zeebe:calledElement says.
 */
export const callActivityProcessor: ElementProcessor = {
  async onActivate(execution, instance, element) {
    const called = element.calledElement!;
    const { ctx } = execution;
    const processId = evaluateText(called.processId, visibleVariables(execution, instance.key), ctx.now);
    if (!processId.ok) return { ok: false, errorType: 'EXTRACT_VALUE_ERROR', message: processId.message };
    const variables = called.propagateAllParentVariables
      ? visibleVariables(execution, instance.key)
      : Object.fromEntries([...(execution.state.scopeVariables(instance.key) ?? [])].map(([name, entry]) => [name, entry.value]));
    markActivated(execution, instance);
    try {
      const child = await createInstance(
        ctx.runner,
        ctx,
        { bpmnProcessId: processId.value, variables, tenantId: execution.state.identity.tenantId },
        { processInstanceKey: execution.state.identity.processInstanceKey, elementInstanceKey: instance.key },
      );
      instance.runtime.calledInstanceKey = child.processInstanceKey;
      execution.state.touch(instance);
    } catch (error) {
      if (!(error instanceof EngineRejection)) throw error;
      return {
        ok: false,
        errorType: 'CALLED_ELEMENT_ERROR',
        message: `Expected process with BPMN process id '${processId.value}' to be deployed, but not found.`,
      };
    }
    return { ok: true };
  },
  async onTerminate(execution, instance) {
    const childKey = instance.runtime.calledInstanceKey as string | undefined;
    if (!childKey) return;
    const { ctx } = execution;
    const child = ctx.openExecutions.get(childKey) ?? (await ctx.runner.tryLockAndLoad(ctx, { processInstanceKey: childKey }));
    if (!child) return;
    await terminateElement(child, child.state.require(childKey));
    await ctx.runner.finish(child);
  },
};

/** The child finished: its variables come back and the call activity completes. */
export async function completeCallActivity(
  ctx: CommandContext,
  parentProcessInstanceKey: string,
  callActivityKey: string,
  child: InstanceExecution,
): Promise<void> {
  const open = ctx.openExecutions.get(parentProcessInstanceKey);
  const parent = open ?? (await ctx.runner.tryLockAndLoad(ctx, { processInstanceKey: parentProcessInstanceKey }));
  const callActivity = parent?.state.get(callActivityKey);
  if (!parent || !callActivity || (callActivity.state !== 'ACTIVATED' && callActivity.state !== 'ACTIVATING')) return;
  const element = parent.elementOf(callActivity);
  const childKey = child.state.identity.processInstanceKey;
  const childVariables: Record<string, JsonValue> = {};
  for (const [name, entry] of child.state.scopeVariables(childKey) ?? []) childVariables[name] = entry.value;
  if (element.outputMappings.length > 0) {
    // Output mappings see the child's variables as locals of the call activity.
    await setVariablesLocal(parent, callActivity.key, childVariables);
  } else if (element.calledElement?.propagateAllChildVariables !== false) {
    await setVariablesPropagating(parent, callActivity.key, childVariables);
  }
  completeElement(parent, callActivity);
  // A parent loaded here is saved here; an open one is saved by the command that opened it.
  if (!open) await ctx.runner.finish(parent);
}
