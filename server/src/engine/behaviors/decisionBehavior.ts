import { EngineRejection, type DecisionEvaluation } from '../api.js';
import { evaluateDecision } from '../dmn/index.js';
import type { JsonValue } from '../feel/types.js';
import type { CommandContext } from '../processing/commandContext.js';
import type { DeployedDecisionRow } from '../state/decisionStore.js';

export type DecisionReference = { decisionId: string } | { decisionKey: string };

export interface EvaluationContext {
  /** For the DECISION_EVALUATION record of a business rule task. */
  processInstanceKey?: string;
  elementInstanceKey?: string;
  elementId?: string;
}

/** The latest version of a decision by id, or the decision with that key; undefined when none. */
export async function findDecision(ctx: CommandContext, reference: DecisionReference, tenantId: string): Promise<DeployedDecisionRow | undefined> {
  const store = ctx.services.decisions;
  return 'decisionKey' in reference ? store.byKey(ctx.trx, reference.decisionKey) : store.latest(ctx.trx, reference.decisionId, tenantId);
}

/**
 * Evaluates a deployed decision with its required decisions, records the evaluation, and returns
 * it in Zeebe's EvaluateDecision terms: a failed evaluation is a result with failure fields, not an error.
 */
export async function evaluateDeployedDecision(
  ctx: CommandContext,
  decision: DeployedDecisionRow,
  variables: Readonly<Record<string, JsonValue>>,
  origin: EvaluationContext = {},
): Promise<DecisionEvaluation> {
  const drg = await ctx.services.decisions.drg(ctx.trx, decision.decisionRequirementsKey);
  const deployed = await ctx.services.decisions.decisionsOf(ctx.trx, decision.decisionRequirementsKey);
  const result = evaluateDecision(drg, decision.decisionId, variables, ctx.now);
  const decisionInstanceKey = await ctx.nextKey();
  const evaluation: DecisionEvaluation = {
    decisionKey: decision.key,
    decisionId: decision.decisionId,
    decisionName: decision.name,
    decisionVersion: decision.version,
    decisionRequirementsId: decision.decisionRequirementsId,
    decisionRequirementsKey: decision.decisionRequirementsKey,
    decisionOutput: result.output,
    evaluatedDecisions: result.evaluatedDecisions.map((evaluated) => {
      const row = deployed.get(evaluated.decisionId);
      return {
        ...evaluated,
        decisionKey: row?.key ?? '-1',
        decisionVersion: row?.version ?? decision.version,
        tenantId: decision.tenantId,
      };
    }),
    ...(result.failure ? { failedDecisionId: result.failure.decisionId, failureMessage: result.failure.message } : {}),
    tenantId: decision.tenantId,
    decisionInstanceKey,
  };
  ctx.records.append({
    key: decisionInstanceKey,
    recordType: 'EVENT',
    valueType: 'DECISION_EVALUATION',
    intent: result.failure ? 'FAILED' : 'EVALUATED',
    timestamp: ctx.now,
    ...(origin.processInstanceKey ? { processInstanceKey: origin.processInstanceKey } : {}),
    ...(origin.elementId ? { elementId: origin.elementId } : {}),
    value: { ...evaluation, ...origin },
  });
  return evaluation;
}

/** EvaluateDecision: NOT_FOUND when the decision does not exist. */
export async function evaluateDecisionCommand(
  ctx: CommandContext,
  command: { decisionKey?: string; decisionId?: string; variables: Record<string, JsonValue>; tenantId: string },
): Promise<DecisionEvaluation> {
  const reference: DecisionReference = command.decisionKey ? { decisionKey: command.decisionKey } : { decisionId: command.decisionId ?? '' };
  const decision = await findDecision(ctx, reference, command.tenantId);
  if (!decision) {
    const what = 'decisionKey' in reference ? `key '${reference.decisionKey}'` : `id '${reference.decisionId}'`;
    throw new EngineRejection('NOT_FOUND', `Expected to evaluate decision with ${what}, but no such decision found`);
  }
  return evaluateDeployedDecision(ctx, decision, command.variables);
}
