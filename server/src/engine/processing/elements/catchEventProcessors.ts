import { openSubscriptions } from '../../behaviors/eventSubscriptionBehavior.js';
import { evaluateAs } from '../../behaviors/expressions.js';
import { setResultVariables, visibleVariables } from '../../behaviors/variableBehavior.js';
import type { ElementProcessor } from '../elementProcessor.js';
import { completeElement, markActivated } from '../lifecycle.js';
import { correlateBuffered } from '../messageCorrelation.js';

/**
 * Intermediate catch events and receive tasks wait for their message, timer or signal. One
 * reached through an event-based gateway has already been triggered and completes at once.
 */
export const catchEventProcessor: ElementProcessor = {
  async onActivate(execution, instance, element) {
    const pending = execution.pendingEvents.get(element.id);
    if (pending) {
      execution.pendingEvents.delete(element.id);
      await setResultVariables(execution, instance, pending);
      completeElement(execution, instance);
      return { ok: true };
    }
    if (element.eventType === 'LINK') {
      completeElement(execution, instance);
      return { ok: true };
    }
    const opened = await openSubscriptions(execution, instance, [element]);
    if (!opened.ok) return opened;
    markActivated(execution, instance);
    await correlateBuffered(execution, instance, opened.matches);
    return { ok: true };
  },
};

/** Waits for whichever of the events after it comes first. */
export const eventBasedGatewayProcessor: ElementProcessor = {
  async onActivate(execution, instance, element) {
    const targets = element.outgoing.map((flowId) => execution.element(execution.flow(flowId).targetId));
    const opened = await openSubscriptions(execution, instance, targets);
    if (!opened.ok) return opened;
    markActivated(execution, instance);
    await correlateBuffered(execution, instance, opened.matches.slice(0, 1));
    return { ok: true };
  },
  async outgoingFlows(_execution, instance) {
    return { ok: true, flowIds: instance.runtime.chosenFlows ?? [] };
  },
};

/** Script task with zeebe:script: the engine evaluates the FEEL expression itself. */
export const scriptTaskProcessor: ElementProcessor = {
  async onActivate(execution, instance, element) {
    const script = element.script!;
    const result = evaluateAs(script.expression, visibleVariables(execution, instance.key), 'ANY', execution.ctx.now);
    if (!result.ok) return { ok: false, errorType: 'EXTRACT_VALUE_ERROR', message: result.message };
    await setResultVariables(execution, instance, { [script.resultVariable]: result.value });
    completeElement(execution, instance);
    return { ok: true };
  },
};
