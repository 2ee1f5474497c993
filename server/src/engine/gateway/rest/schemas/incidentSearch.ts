import { z } from 'zod';
import { INCIDENT_ERROR_TYPES, INCIDENT_STATES } from './enums.js';
import { dateTimeFilter, enumFilter, int64, keyFilter, stringFilter } from './filterSchemas.js';
import { searchRequestSchema, type SearchRequest } from './searchRequest.js';

const incidentFilter = z.strictObject({
  processDefinitionId: stringFilter().optional(),
  errorType: enumFilter(INCIDENT_ERROR_TYPES).optional(),
  errorMessage: stringFilter().optional(),
  elementId: stringFilter().optional(),
  creationTime: dateTimeFilter().optional(),
  state: enumFilter(INCIDENT_STATES).optional(),
  tenantId: stringFilter().optional(),
  incidentKey: keyFilter().optional(),
  processDefinitionKey: keyFilter().optional(),
  processInstanceKey: keyFilter().optional(),
  elementInstanceKey: keyFilter().optional(),
  jobKey: keyFilter().optional(),
});

export const INCIDENT_SORT_FIELDS = [
  'incidentKey',
  'processDefinitionKey',
  'processDefinitionId',
  'processInstanceKey',
  'errorType',
  'errorMessage',
  'elementId',
  'elementInstanceKey',
  'creationTime',
  'state',
  'jobKey',
  'tenantId',
] as const;

export const incidentSearchSchema = searchRequestSchema(incidentFilter, INCIDENT_SORT_FIELDS);

/** Camunda 8.8 takes an optional `operationReference`; there is nothing else to say. */
export const incidentResolutionSchema = z.strictObject({
  operationReference: int64("Expected 'operationReference' to be a positive number").optional(),
});

export type IncidentFilter = z.output<typeof incidentFilter>;
export type IncidentSearch = SearchRequest<IncidentFilter, (typeof INCIDENT_SORT_FIELDS)[number]>;
