import type { JsonValue } from '../feel/types.js';
import type { ExecutableElement } from '../model/types.js';
import { FINAL_STATES, type ElementInstance } from '../state/elementInstance.js';
import { triggerEvent } from './eventTrigger.js';
import type { InstanceExecution } from './instanceExecution.js';
import { terminateElement } from './lifecycle.js';

/** A catch event and the element instance it belongs to (the activity or the enclosing scope). */
export interface Catcher {
  owner: ElementInstance;
  eventId: string;
}

/** Finds a catcher inside one process instance, starting at `from` and going outwards. */
export type CatcherLookup = (execution: InstanceExecution, from: ElementInstance) => Catcher | undefined;

/**
 * Triggers the innermost catcher of a thrown error or escalation. Nothing catching it in the
 * instance itself, a called process passes it on to its parent, where it is thrown from the call
 * activity, and so on up to the root instance (as Zeebe does). When an interrupting catcher up
 * there ends the call activity, the called instances below it are terminated. Parents loaded here
 * are saved here. Returns the catch event, or undefined when nothing anywhere catches it.
 */
export async function catchAcrossCallActivities(
  execution: InstanceExecution,
  source: ElementInstance,
  findCatcher: CatcherLookup,
  variables: Record<string, JsonValue>,
): Promise<ExecutableElement | undefined> {
  const passed: InstanceExecution[] = [];
  const loaded: InstanceExecution[] = [];
  try {
    for (let current = execution, from = source; ; ) {
      const catcher = findCatcher(current, from);
      if (catcher) {
        await triggerEvent(current, catcher.owner, catcher.eventId, variables);
        if (passed.length > 0 && FINAL_STATES.has(from.state)) await terminateCalledInstances(passed);
        return current.element(catcher.eventId);
      }
      const parent = await callingParent(current);
      if (!parent) return undefined;
      passed.push(current);
      if (parent.loaded) loaded.push(parent.execution);
      current = parent.execution;
      from = parent.callActivity;
    }
  } finally {
    for (const parent of loaded) await execution.ctx.runner.finish(parent);
  }
}

/** The parent instance and its call activity, while that still waits for this instance. */
async function callingParent(
  child: InstanceExecution,
): Promise<{ execution: InstanceExecution; callActivity: ElementInstance; loaded: boolean } | undefined> {
  const { parentProcessInstanceKey, parentElementInstanceKey } = child.state.identity;
  if (!parentProcessInstanceKey || !parentElementInstanceKey) return undefined;
  const { ctx } = child;
  const open = ctx.openExecutions.get(parentProcessInstanceKey);
  const execution = open ?? (await ctx.runner.tryLockAndLoad(ctx, { processInstanceKey: parentProcessInstanceKey }));
  if (!execution) return undefined;
  const callActivity = execution.state.get(parentElementInstanceKey);
  const waiting = callActivity?.state === 'ACTIVATED' || callActivity?.state === 'ACTIVATING';
  if (!callActivity || !waiting) {
    if (!open) await ctx.runner.finish(execution);
    return undefined;
  }
  return { execution, callActivity, loaded: !open };
}

/**
 * Terminating the call activity usually ends its called instance already; not when the child was
 * started in this same command, before the call activity learnt its key. Outermost first.
 */
async function terminateCalledInstances(passed: InstanceExecution[]): Promise<void> {
  for (const called of [...passed].reverse()) {
    const root = called.state.get(called.state.identity.processInstanceKey);
    if (root) await terminateElement(called, root);
  }
}
