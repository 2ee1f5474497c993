import { evaluateAs } from '../../behaviors/expressions.js';
import { setLocalVariable, setVariablesPropagating, visibleVariables } from '../../behaviors/variableBehavior.js';
import type { JsonValue } from '../../feel/types.js';
import type { ExecutableElement } from '../../model/types.js';
import type { ElementInstance } from '../../state/elementInstance.js';
import type { ElementProcessor } from '../elementProcessor.js';
import type { InstanceExecution } from '../instanceExecution.js';
import { activateElement, completeElement, markActivated, terminateElement } from '../lifecycle.js';

interface LoopState {
  items: JsonValue[];
  nextIndex: number;
  completed: number;
}

const loopOf = (body: ElementInstance) => body.runtime.loop as LoopState;

/**
 * The body of a multi-instance activity: one inner instance per item of the input collection,
 * all at once (parallel) or one after another (sequential), each with `inputElement` and
 * `loopCounter` as local variables. Results are gathered in `outputCollection`; a
 * `completionCondition` may end the loop early.
 */
export const multiInstanceBodyProcessor: ElementProcessor = {
  async onActivate(execution, body, element) {
    const mi = element.multiInstance!;
    const collection = evaluateAs(mi.inputCollection, visibleVariables(execution, body.key), 'LIST', execution.ctx.now);
    if (!collection.ok) return { ok: false, errorType: 'EXTRACT_VALUE_ERROR', message: collection.message };
    const items = collection.value as JsonValue[];
    body.runtime.loop = { items, nextIndex: 0, completed: 0 } satisfies LoopState;
    execution.state.touch(body);
    if (mi.outputCollection) await setLocalVariable(execution, body.key, mi.outputCollection, items.map(() => null));
    markActivated(execution, body);
    if (items.length === 0) {
      completeElement(execution, body);
    } else if (mi.isSequential) {
      await activateInner(execution, body, element);
    } else {
      for (let i = 0; i < items.length; i++) execution.enqueue(() => activateInner(execution, body, element));
    }
    return { ok: true };
  },

  async onChildCompleting(execution, body, inner) {
    const mi = execution.elementOf(body).multiInstance!;
    if (!mi.outputCollection || !mi.outputElement) return { ok: true };
    const result = evaluateAs(mi.outputElement, visibleVariables(execution, inner.key), 'ANY', execution.ctx.now);
    if (!result.ok) return { ok: false, errorType: 'EXTRACT_VALUE_ERROR', message: result.message };
    const index = Number(execution.state.getLocal(inner.key, 'loopCounter')?.value) - 1;
    const collected = [...((execution.state.getLocal(body.key, mi.outputCollection)?.value as JsonValue[] | undefined) ?? [])];
    collected[index] = result.value;
    await setLocalVariable(execution, body.key, mi.outputCollection, collected);
    return { ok: true };
  },

  async onChildEnded(execution, body, element) {
    const mi = element.multiInstance!;
    const loop = loopOf(body);
    loop.completed += 1;
    execution.state.touch(body);
    const active = execution.state.activeChildren(body.key);
    if (mi.completionCondition) {
      const context = {
        ...visibleVariables(execution, body.key),
        numberOfInstances: loop.items.length,
        numberOfCompletedInstances: loop.completed,
        numberOfActiveInstances: active.length,
      };
      const done = evaluateAs(mi.completionCondition, context, 'BOOLEAN', execution.ctx.now);
      if (done.ok && done.value === true) {
        for (const child of active) await terminateElement(execution, child);
        completeElement(execution, body);
        return;
      }
    }
    if (mi.isSequential && loop.nextIndex < loop.items.length) {
      await activateInner(execution, body, element);
    } else if (active.length === 0 && loop.nextIndex >= loop.items.length) {
      completeElement(execution, body);
    }
  },

  async outgoingFlows(execution, body, element) {
    // The collected results leave the body like any other result: to the nearest owner, else the process.
    const name = element.multiInstance!.outputCollection;
    const collected = name ? execution.state.getLocal(body.key, name) : undefined;
    if (name && collected) await setVariablesPropagating(execution, body.flowScopeKey!, { [name]: collected.value });
    return { ok: true, flowIds: [...element.outgoing] };
  },
};

async function activateInner(execution: InstanceExecution, body: ElementInstance, element: ExecutableElement): Promise<void> {
  if (body.state !== 'ACTIVATED') return;
  const loop = loopOf(body);
  const index = loop.nextIndex++;
  execution.state.touch(body);
  const inputElement = element.multiInstance!.inputElement;
  const localVariables: Record<string, JsonValue> = { loopCounter: index + 1 };
  if (inputElement) localVariables[inputElement] = loop.items[index] ?? null;
  await activateElement(execution, element.id, body.key, { localVariables });
}
