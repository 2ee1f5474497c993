import { z } from 'zod';
import { JOB_KINDS, JOB_LISTENER_EVENT_TYPES, JOB_STATES } from './enums.js';
import {
  booleanFilter,
  dateTimeFilter,
  enumFilter,
  integerFilter,
  keyFilter,
  stringFilter,
} from './filterSchemas.js';
import { searchRequestSchema, type SearchRequest } from './searchRequest.js';

/** Camunda allows `null` for these: "has no value". */
const orNull = <T extends z.ZodType>(schema: T) =>
  z.union([z.null().transform(() => ({ $exists: false })), schema]);

const jobFilter = z.strictObject({
  deadline: orNull(dateTimeFilter()).optional(),
  deniedReason: stringFilter().optional(),
  elementId: stringFilter().optional(),
  elementInstanceKey: keyFilter().optional(),
  endTime: dateTimeFilter().optional(),
  errorCode: stringFilter().optional(),
  errorMessage: stringFilter().optional(),
  hasFailedWithRetriesLeft: booleanFilter().optional(),
  isDenied: orNull(booleanFilter()).optional(),
  jobKey: keyFilter().optional(),
  kind: enumFilter(JOB_KINDS).optional(),
  listenerEventType: enumFilter(JOB_LISTENER_EVENT_TYPES).optional(),
  processDefinitionId: stringFilter().optional(),
  processDefinitionKey: keyFilter().optional(),
  processInstanceKey: keyFilter().optional(),
  retries: integerFilter().optional(),
  state: enumFilter(JOB_STATES).optional(),
  tenantId: stringFilter().optional(),
  type: stringFilter().optional(),
  worker: stringFilter().optional(),
});

export const JOB_SORT_FIELDS = [
  'deadline',
  'deniedReason',
  'elementId',
  'elementInstanceKey',
  'endTime',
  'errorCode',
  'errorMessage',
  'isDenied',
  'jobKey',
  'kind',
  'listenerEventType',
  'processDefinitionId',
  'processDefinitionKey',
  'processInstanceKey',
  'retries',
  'state',
  'tenantId',
  'type',
  'worker',
] as const;

export const jobSearchSchema = searchRequestSchema(jobFilter, JOB_SORT_FIELDS);

export type JobFilter = z.output<typeof jobFilter>;
export type JobSearch = SearchRequest<JobFilter, (typeof JOB_SORT_FIELDS)[number]>;
