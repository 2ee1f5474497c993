import { z } from 'zod';
import { integerFilter, keyFilter, stringFilter } from './filterSchemas.js';
import { searchRequestSchema, type SearchRequest } from './searchRequest.js';

const processDefinitionFilter = z.strictObject({
  processDefinitionKey: keyFilter().optional(),
  processDefinitionId: stringFilter().optional(),
  name: stringFilter().optional(),
  version: integerFilter().optional(),
  resourceName: stringFilter().optional(),
  tenantId: stringFilter().optional(),
  isLatestVersion: z.boolean().optional(),
});

export const PROCESS_DEFINITION_SORT_FIELDS = ['processDefinitionKey', 'processDefinitionId', 'name', 'version', 'resourceName', 'tenantId'] as const;

export const processDefinitionSearchSchema = searchRequestSchema(processDefinitionFilter, PROCESS_DEFINITION_SORT_FIELDS);

export type ProcessDefinitionFilter = z.output<typeof processDefinitionFilter>;
export type ProcessDefinitionSearch = SearchRequest<ProcessDefinitionFilter, (typeof PROCESS_DEFINITION_SORT_FIELDS)[number]>;
