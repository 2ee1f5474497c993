import { z } from 'zod';
import { optionalText, requiredText, zaakVariablesSchema } from '../shared/zaakVariables.js';

export const variablesSchema = zaakVariablesSchema;

export const headersSchema = z.looseObject({
  /** Omschrijving of a roltype of the zaaktype, e.g. "Initiator" or "Behandelaar". */
  roltype: requiredText,
  /** The variable (dotted path) that holds the betrokkene; FEEL input mappings can build it. */
  betrokkeneVariable: z
    .string()
    .trim()
    .regex(/^[\w-]+(\.[\w-]+)*$/, 'must be a variable name or dotted path')
    .default('betrokkene'),
  toelichting: optionalText,
});

/** Who plays the role: a person, organisation or employee, as the zaken API accepts it. */
export const betrokkeneSchema = z
  .record(z.string(), z.unknown())
  .refine((value) => Object.keys(value).length > 0, {
    message: 'must be a non-empty object',
  });
