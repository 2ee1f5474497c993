import { evaluateDeployedDecision, findDecision } from '../../behaviors/decisionBehavior.js';
import { evaluateText } from '../../behaviors/expressions.js';
import { setResultVariables, visibleVariables } from '../../behaviors/variableBehavior.js';
import type { ElementProcessor } from '../elementProcessor.js';
import { completeElement } from '../lifecycle.js';

/**
 * Business rule task with zeebe:calledDecision: the engine evaluates the latest version of the
 * decision itself and stores its output under resultVariable; no job is involved.
 */
export const businessRuleTaskProcessor: ElementProcessor = {
  async onActivate(execution, instance, element) {
    const called = element.calledDecision!;
    const { ctx } = execution;
    const variables = visibleVariables(execution, instance.key);
    const decisionId = evaluateText(called.decisionId, variables, ctx.now);
    if (!decisionId.ok) return { ok: false, errorType: 'EXTRACT_VALUE_ERROR', message: decisionId.message };
    const tenantId = execution.definition.tenantId;
    const decision = await findDecision(ctx, { decisionId: decisionId.value }, tenantId);
    if (!decision) {
      return {
        ok: false,
        errorType: 'CALLED_DECISION_ERROR',
        message: `Expected to evaluate decision '${decisionId.value}', but no decision found for id '${decisionId.value}'`,
      };
    }
    const evaluation = await evaluateDeployedDecision(ctx, decision, variables, {
      processInstanceKey: execution.state.identity.processInstanceKey,
      elementInstanceKey: instance.key,
      elementId: element.id,
    });
    if (evaluation.failureMessage !== undefined) {
      return { ok: false, errorType: 'DECISION_EVALUATION_ERROR', message: evaluation.failureMessage };
    }
    await setResultVariables(execution, instance, { [called.resultVariable]: evaluation.decisionOutput });
    completeElement(execution, instance);
    return { ok: true };
  },
};
