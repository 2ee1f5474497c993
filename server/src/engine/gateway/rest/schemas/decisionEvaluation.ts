import { z } from 'zod';
import { keySchema } from './filterSchemas.js';

/** POST /v2/decision-definitions/evaluation: by id (latest version) or by key, never both. */
export const decisionEvaluationSchema = z
  .strictObject({
    decisionDefinitionId: z.string().min(1).optional(),
    decisionDefinitionKey: keySchema.optional(),
    variables: z.record(z.string(), z.json()).optional(),
    tenantId: z.string().min(1).optional(),
  })
  .refine((body) => (body.decisionDefinitionId === undefined) !== (body.decisionDefinitionKey === undefined), {
    message: "Expected exactly one of 'decisionDefinitionId' and 'decisionDefinitionKey'",
  });

export type DecisionEvaluationRequest = z.infer<typeof decisionEvaluationSchema>;
