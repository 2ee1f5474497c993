import { raiseIncident } from '../../behaviors/incidentBehavior.js';
import { throwBpmnError } from '../errorPropagation.js';
import { evaluateText } from '../../behaviors/expressions.js';
import { visibleVariables } from '../../behaviors/variableBehavior.js';
import type { ElementProcessor } from '../elementProcessor.js';
import { deliverSignal } from '../commands/broadcastSignal.js';
import { throwEscalation } from '../escalationPropagation.js';
import { activateElement, completeElement, markActivated, terminateElement } from '../lifecycle.js';

/** Start events, undefined and manual tasks, none throw events, boundary events: pass through. */
export const passThroughProcessor: ElementProcessor = {
  async onActivate(execution, instance) {
    completeElement(execution, instance);
    return { ok: true };
  },
};

/** Process, subprocess: activated, then the none start event inside starts the flow. */
export const containerProcessor: ElementProcessor = {
  async onActivate(execution, instance, element) {
    markActivated(execution, instance);
    // A process may be started at chosen elements (start instructions) instead of its start event.
    const startAt = instance.runtime.startAt ?? (element.noneStartEventId ? [element.noneStartEventId] : []);
    delete instance.runtime.startAt;
    for (const elementId of startAt) {
      execution.enqueue(async () => {
        await activateElement(execution, elementId, instance.key);
      });
    }
    return { ok: true };
  },
};

/** Event subprocess: waits for the event that triggered it to activate its start event. */
export const eventSubProcessProcessor: ElementProcessor = {
  async onActivate(execution, instance) {
    markActivated(execution, instance);
    return { ok: true };
  },
};

export const endEventProcessor: ElementProcessor = {
  async onActivate(execution, instance, element) {
    if (element.eventType === 'TERMINATE') {
      // Terminate everything else in the flow scope; the scope then completes normally.
      const scope = execution.state.require(instance.flowScopeKey!);
      for (const sibling of execution.state.activeChildren(scope.key)) {
        if (sibling.key !== instance.key) await terminateElement(execution, sibling);
      }
      scope.runtime.takenFlows = {};
      execution.state.touch(scope);
    }
    if (element.eventType === 'ERROR' && element.errorCode) {
      const code = evaluateText(element.errorCode, visibleVariables(execution, instance.key), execution.ctx.now);
      if (!code.ok) return { ok: false, errorType: 'EXTRACT_VALUE_ERROR', message: code.message };
      markActivated(execution, instance);
      const caught = await throwBpmnError(execution, instance, code.value, {});
      if (!caught) {
        await raiseIncident(execution, instance, {
          errorType: 'UNHANDLED_ERROR_EVENT',
          message: `Expected to throw an error event with the code '${code.value}', but it was not caught. No error events are available in the scope.`,
        }, 'activate');
      }
      return { ok: true };
    }
    completeElement(execution, instance);
    return { ok: true };
  },
};

/** A link throw event continues at the link catch event of the same name in its scope. */
export const linkThrowProcessor: ElementProcessor = {
  async onActivate(execution, instance, element) {
    const scope = execution.element(element.flowScopeId!);
    const target = (scope.childIds ?? [])
      .map((id) => execution.element(id))
      .find((candidate) => candidate.type === 'INTERMEDIATE_CATCH_EVENT' && candidate.eventType === 'LINK' && candidate.linkName === element.linkName);
    if (!target) {
      return { ok: false, errorType: 'UNKNOWN', message: `No link catch event named '${element.linkName ?? ''}' in the scope of '${element.id}'` };
    }
    // The catch event is queued before the throw completes, so the scope never looks finished in between.
    const flowScopeKey = instance.flowScopeKey!;
    execution.enqueue(async () => {
      await activateElement(execution, target.id, flowScopeKey);
    });
    completeElement(execution, instance);
    return { ok: true };
  },
};

/** Signal throw and end events broadcast their signal, then go on (or end) as usual. */
export const signalThrowProcessor: ElementProcessor = {
  async onActivate(execution, instance, element) {
    const name = evaluateText(element.signalName!, visibleVariables(execution, instance.key), execution.ctx.now);
    if (!name.ok) return { ok: false, errorType: 'EXTRACT_VALUE_ERROR', message: name.message };
    markActivated(execution, instance);
    // Delivered after this instance's current step, so a catch in the same instance sees a settled state.
    const { ctx } = execution;
    execution.enqueue(() => deliverSignal(ctx, name.value, {}, execution.state.identity.tenantId));
    completeElement(execution, instance);
    return { ok: true };
  },
};

/** Escalation throw and end events escalate to the enclosing scopes, then go on unless interrupted. */
export const escalationThrowProcessor: ElementProcessor = {
  async onActivate(execution, instance, element) {
    const code = evaluateText(element.escalationCode!, visibleVariables(execution, instance.key), execution.ctx.now);
    if (!code.ok) return { ok: false, errorType: 'EXTRACT_VALUE_ERROR', message: code.message };
    markActivated(execution, instance);
    const { interrupted } = await throwEscalation(execution, instance, code.value);
    if (!interrupted) completeElement(execution, instance);
    return { ok: true };
  },
};
