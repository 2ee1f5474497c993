import { z } from 'zod';

const variablePath = z
  .string()
  .trim()
  .regex(/^[\w-]+(\.[\w-]+)*$/, 'must be a variable name or dotted path');

export const headersSchema = z.looseObject({
  /** Absolute http(s) URL; `{{…}}` placeholders are filled from variables, URL-encoded. */
  url: z
    .string()
    .trim()
    .regex(/^https?:\/\//i, 'must be an absolute http:// or https:// URL'),
  method: z
    .string()
    .trim()
    .toUpperCase()
    .pipe(z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']))
    .default('GET'),
  /** The variable with the JSON request body (built with a FEEL input mapping). */
  bodyVariable: variablePath.optional(),
  /** Where `{ status, body }` of the response goes; without it the response is dropped. */
  resultVariable: z
    .string()
    .trim()
    .regex(/^[\w-]+$/, 'must be a variable name')
    .optional(),
  timeoutMs: z.coerce.number().int().min(100).max(300_000).default(30_000),
});

export const variablesSchema = z.looseObject({});
