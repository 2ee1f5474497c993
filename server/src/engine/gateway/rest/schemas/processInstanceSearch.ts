import { z } from 'zod';
import { INSTANCE_STATES } from './enums.js';
import {
  booleanFilter,
  dateTimeFilter,
  enumFilter,
  integerFilter,
  keyFilter,
  stringFilter,
  unsupportedFilter,
} from './filterSchemas.js';
import { searchRequestSchema, type SearchRequest } from './searchRequest.js';

/** `{ name, value }`: instances with a variable of that name whose JSON value matches. */
const variableValueFilter = z.strictObject({ name: z.string().min(1), value: stringFilter() });

const processInstanceFilterFields = {
  processDefinitionId: stringFilter().optional(),
  processDefinitionName: stringFilter().optional(),
  processDefinitionVersion: integerFilter().optional(),
  processDefinitionVersionTag: stringFilter().optional(),
  processDefinitionKey: keyFilter().optional(),
  processInstanceKey: keyFilter().optional(),
  parentProcessInstanceKey: keyFilter().optional(),
  parentElementInstanceKey: keyFilter().optional(),
  startDate: dateTimeFilter().optional(),
  endDate: dateTimeFilter().optional(),
  state: enumFilter(INSTANCE_STATES).optional(),
  hasIncident: booleanFilter().optional(),
  tenantId: stringFilter().optional(),
  variables: z.array(variableValueFilter).optional(),
  errorMessage: stringFilter().optional(),
  hasRetriesLeft: booleanFilter().optional(),
  elementInstanceState: enumFilter(INSTANCE_STATES).optional(),
  elementId: stringFilter().optional(),
  hasElementInstanceIncident: booleanFilter().optional(),
  batchOperationId: unsupportedFilter('there are no batch operations').optional(),
  batchOperationKey: unsupportedFilter('there are no batch operations').optional(),
  incidentErrorHashCode: unsupportedFilter('incident error hash codes are not kept').optional(),
  tags: unsupportedFilter('process instance tags are not kept').optional(),
};

const processInstanceFilter = z.strictObject({
  ...processInstanceFilterFields,
  /** Top-level fields AND (any one of these groups). */
  $or: z.array(z.strictObject(processInstanceFilterFields)).optional(),
});

export const PROCESS_INSTANCE_SORT_FIELDS = [
  'processInstanceKey',
  'processDefinitionId',
  'processDefinitionName',
  'processDefinitionVersion',
  'processDefinitionVersionTag',
  'processDefinitionKey',
  'parentProcessInstanceKey',
  'parentElementInstanceKey',
  'startDate',
  'endDate',
  'state',
  'hasIncident',
  'tenantId',
] as const;

export const processInstanceSearchSchema = searchRequestSchema(
  processInstanceFilter,
  PROCESS_INSTANCE_SORT_FIELDS,
);

export type ProcessInstanceFilter = z.output<typeof processInstanceFilter>;
export type ProcessInstanceSearch = SearchRequest<
  ProcessInstanceFilter,
  (typeof PROCESS_INSTANCE_SORT_FIELDS)[number]
>;
