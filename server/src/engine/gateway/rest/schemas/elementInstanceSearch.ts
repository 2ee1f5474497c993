import { z } from 'zod';
import { ELEMENT_TYPES, INSTANCE_STATES } from './enums.js';
import {
  booleanFilter,
  dateTimeFilter,
  enumFilter,
  keyFilter,
  stringFilter,
} from './filterSchemas.js';
import { searchRequestSchema, type SearchRequest } from './searchRequest.js';

// Camunda 8.8 takes plain values for most of these; the operator forms are accepted as well.
const elementInstanceFilter = z.strictObject({
  processDefinitionId: stringFilter().optional(),
  state: enumFilter(INSTANCE_STATES).optional(),
  type: enumFilter(ELEMENT_TYPES).optional(),
  elementId: stringFilter().optional(),
  elementName: stringFilter().optional(),
  hasIncident: booleanFilter().optional(),
  tenantId: stringFilter().optional(),
  elementInstanceKey: keyFilter().optional(),
  processInstanceKey: keyFilter().optional(),
  processDefinitionKey: keyFilter().optional(),
  incidentKey: keyFilter().optional(),
  startDate: dateTimeFilter().optional(),
  endDate: dateTimeFilter().optional(),
  /** The direct children of this process instance or element instance. */
  elementInstanceScopeKey: keyFilter().optional(),
});

export const ELEMENT_INSTANCE_SORT_FIELDS = [
  'elementInstanceKey',
  'processInstanceKey',
  'processDefinitionKey',
  'processDefinitionId',
  'startDate',
  'endDate',
  'elementId',
  'elementName',
  'type',
  'state',
  'incidentKey',
  'tenantId',
] as const;

export const elementInstanceSearchSchema = searchRequestSchema(
  elementInstanceFilter,
  ELEMENT_INSTANCE_SORT_FIELDS,
);

export type ElementInstanceFilter = z.output<typeof elementInstanceFilter>;
export type ElementInstanceSearch = SearchRequest<
  ElementInstanceFilter,
  (typeof ELEMENT_INSTANCE_SORT_FIELDS)[number]
>;
