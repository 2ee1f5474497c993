import type { Router } from 'express';
import type { Database } from '../../../db/database.js';
import type { DecisionEvaluation } from '../../api.js';
import type { OptionalEngineCommands } from '../grpc/optionalCommands.js';
import { notFound, ProblemError } from './problemDetail.js';
import { decisionEvaluationSchema } from './schemas/decisionEvaluation.js';

export interface DecisionAndFormRouteOptions {
  db: Database;
  engine: Partial<Pick<OptionalEngineCommands, 'evaluateDecision'>>;
  /** Reads a `:key` path parameter or answers 400. */
  pathKey: (value: string | undefined, name: string) => string;
}

/** POST /v2/decision-definitions/evaluation and GET /v2/forms/{formKey} (the deployed form schema). */
export function addDecisionAndFormRoutes(router: Router, options: DecisionAndFormRouteOptions): void {
  const { db, engine, pathKey } = options;

  router.post('/v2/decision-definitions/evaluation', async (req, res) => {
    const body = decisionEvaluationSchema.parse(req.body ?? {});
    if (!engine.evaluateDecision) throw new ProblemError(501, 'UNIMPLEMENTED', 'This engine does not evaluate decisions');
    const result = await engine.evaluateDecision({
      ...(body.decisionDefinitionId ? { decisionId: body.decisionDefinitionId } : {}),
      ...(body.decisionDefinitionKey ? { decisionKey: body.decisionDefinitionKey } : {}),
      variables: body.variables ?? {},
      ...(body.tenantId ? { tenantId: body.tenantId } : {}),
    });
    res.json(toRestEvaluation(result));
  });

  router.get('/v2/forms/:formKey', async (req, res) => {
    const formKey = pathKey(req.params.formKey, 'formKey');
    const row = (await db('engine_forms').where({ key: formKey }).first()) as
      | { key: string; form_id: string; version: number; schema: string; tenant_id: string }
      | undefined;
    if (!row) throw notFound(`Form with key '${formKey}' not found`);
    res.json({ formKey: String(row.key), formId: row.form_id, version: row.version, schema: row.schema, tenantId: row.tenant_id });
  });
}

/** The REST names of Zeebe's EvaluateDecisionResponse; values stay JSON text, as in Camunda. */
function toRestEvaluation(result: DecisionEvaluation) {
  return {
    decisionDefinitionId: result.decisionId,
    decisionDefinitionKey: result.decisionKey,
    decisionDefinitionName: result.decisionName,
    decisionDefinitionVersion: result.decisionVersion,
    decisionRequirementsId: result.decisionRequirementsId,
    decisionRequirementsKey: result.decisionRequirementsKey,
    output: JSON.stringify(result.decisionOutput),
    failedDecisionDefinitionId: result.failedDecisionId ?? null,
    failureMessage: result.failureMessage ?? null,
    tenantId: result.tenantId,
    decisionEvaluationKey: result.decisionInstanceKey,
    decisionInstanceKey: result.decisionInstanceKey,
    evaluatedDecisions: result.evaluatedDecisions.map((decision) => ({
      decisionDefinitionId: decision.decisionId,
      decisionDefinitionKey: decision.decisionKey,
      decisionDefinitionName: decision.decisionName,
      decisionDefinitionVersion: decision.decisionVersion,
      decisionDefinitionType: decision.decisionType,
      output: JSON.stringify(decision.decisionOutput),
      tenantId: decision.tenantId,
      evaluatedInputs: decision.evaluatedInputs.map((input) => ({ ...input, inputValue: JSON.stringify(input.inputValue) })),
      matchedRules: decision.matchedRules.map((rule) => ({
        ...rule,
        evaluatedOutputs: rule.evaluatedOutputs.map((output) => ({ ...output, outputValue: JSON.stringify(output.outputValue) })),
      })),
    })),
  };
}
