import { z } from 'zod';
import { booleanFilter, keyFilter, stringFilter } from './filterSchemas.js';
import { searchRequestSchema, type SearchRequest } from './searchRequest.js';

const variableFilter = z.strictObject({
  name: stringFilter().optional(),
  /** Compared with the JSON text of the value, e.g. `"\"open\""` for the string open. */
  value: stringFilter().optional(),
  tenantId: stringFilter().optional(),
  isTruncated: booleanFilter().optional(),
  variableKey: keyFilter().optional(),
  scopeKey: keyFilter().optional(),
  processInstanceKey: keyFilter().optional(),
});

export const VARIABLE_SORT_FIELDS = [
  'value',
  'name',
  'tenantId',
  'variableKey',
  'scopeKey',
  'processInstanceKey',
] as const;

export const variableSearchSchema = searchRequestSchema(variableFilter, VARIABLE_SORT_FIELDS);

/** `?truncateValues=false` returns full values; by default long values are cut, as in Camunda. */
export const variableSearchQuerySchema = z.object({
  truncateValues: z
    .enum(['true', 'false'], { message: "Expected 'true' or 'false'" })
    .optional()
    .transform((value) => value !== 'false'),
});

export type VariableFilter = z.output<typeof variableFilter>;
export type VariableSearch = SearchRequest<VariableFilter, (typeof VARIABLE_SORT_FIELDS)[number]>;
