import { z } from 'zod';
import { int64, keySchema } from './filterSchemas.js';

const variablesSchema = z.record(z.string(), z.json());

/**
 * Body of POST /v2/process-instances/{key}/modification (Camunda 8 REST): activate and terminate
 * instructions as in Zeebe's ModifyProcessInstance. ancestorElementInstanceKey "-1" or absent:
 * the element's flow scope; scopeId "" or absent: the process instance.
 */
export const processInstanceModificationSchema = z
  .strictObject({
    operationReference: int64("Expected 'operationReference' to be a positive number").optional(),
    activateInstructions: z
      .array(
        z.strictObject({
          elementId: z.string().min(1, "Expected 'elementId' to be set, but it was blank"),
          ancestorElementInstanceKey: z.union([z.literal('-1'), keySchema]).optional(),
          variableInstructions: z.array(z.strictObject({ variables: variablesSchema, scopeId: z.string().optional() })).optional(),
        }),
      )
      .optional(),
    terminateInstructions: z.array(z.strictObject({ elementInstanceKey: keySchema })).optional(),
  })
  .transform((body) => ({
    activateInstructions: (body.activateInstructions ?? []).map((instruction) => ({
      elementId: instruction.elementId,
      ...(instruction.ancestorElementInstanceKey && instruction.ancestorElementInstanceKey !== '-1'
        ? { ancestorElementInstanceKey: instruction.ancestorElementInstanceKey }
        : {}),
      variableInstructions: (instruction.variableInstructions ?? []).map(({ variables, scopeId }) => ({
        variables: variables as Record<string, never>,
        ...(scopeId ? { scopeId } : {}),
      })),
    })),
    terminateInstructions: body.terminateInstructions ?? [],
  }));
