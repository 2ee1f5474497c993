import { evaluateAs } from '../../behaviors/expressions.js';
import { visibleVariables } from '../../behaviors/variableBehavior.js';
import type { ExecutableElement } from '../../model/types.js';
import type { ElementInstance } from '../../state/elementInstance.js';
import type { ElementProcessor } from '../elementProcessor.js';
import type { InstanceExecution } from '../instanceExecution.js';
import { completeElement } from '../lifecycle.js';

type FlowChoice = { ok: true; flowIds: string[] } | { ok: false; errorType: string; message: string };

/**
 * Exclusive and inclusive gateways choose their flows when activated (as Zeebe does: a failed
 * condition raises the incident on the activating gateway) and take them on completion.
 */
function conditionalGateway(takeAll: boolean): ElementProcessor {
  return {
    async onActivate(execution, instance, element) {
      const choice = chooseFlows(execution, instance, element, takeAll);
      if (!choice.ok) return choice;
      instance.runtime.chosenFlows = choice.flowIds;
      completeElement(execution, instance);
      return { ok: true };
    },
    async outgoingFlows(_execution, instance) {
      return { ok: true, flowIds: instance.runtime.chosenFlows ?? [] };
    },
  };
}

function chooseFlows(
  execution: InstanceExecution,
  instance: ElementInstance,
  element: ExecutableElement,
  takeAll: boolean,
): FlowChoice {
  const candidates = element.outgoing.filter((flowId) => flowId !== element.defaultFlowId);
  // A joining-only gateway (one unconditional outgoing flow) just passes the token on.
  if (element.outgoing.length === 1 && !execution.flow(element.outgoing[0]!).condition) {
    return { ok: true, flowIds: [...element.outgoing] };
  }
  const variables = visibleVariables(execution, instance.key);
  const chosen: string[] = [];
  for (const flowId of candidates) {
    const condition = execution.flow(flowId).condition;
    if (!condition) {
      chosen.push(flowId);
    } else {
      const result = evaluateAs(condition, variables, 'BOOLEAN', execution.ctx.now);
      if (!result.ok) return { ok: false, errorType: 'CONDITION_ERROR', message: result.message };
      if (result.value === true) chosen.push(flowId);
    }
    if (chosen.length > 0 && !takeAll) break;
  }
  if (chosen.length > 0) return { ok: true, flowIds: chosen };
  if (element.defaultFlowId) return { ok: true, flowIds: [element.defaultFlowId] };
  return {
    ok: false,
    errorType: 'CONDITION_ERROR',
    message: 'Expected at least one condition to evaluate to true, or to have a default flow',
  };
}

export const exclusiveGatewayProcessor = conditionalGateway(false);
export const inclusiveGatewayProcessor = conditionalGateway(true);

/** Forks into all outgoing flows; the join is handled where tokens arrive (joins.ts). */
export const parallelGatewayProcessor: ElementProcessor = {
  async onActivate(execution, instance) {
    completeElement(execution, instance);
    return { ok: true };
  },
};
