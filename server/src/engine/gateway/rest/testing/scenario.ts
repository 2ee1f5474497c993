import type { Database } from '../../../../db/database.js';
import {
  insertDefinition,
  insertElement,
  insertIncident,
  insertInstance,
  insertJob,
  insertVariable,
  key,
  type Definition,
} from './engineRows.js';

export const ORDER: Definition = {
  key: key(1),
  bpmnProcessId: 'order',
  version: 1,
  name: 'Order',
  xml: '<bpmn:definitions id="order-xml"/>',
};
export const INVOICE: Definition = {
  key: key(2),
  bpmnProcessId: 'invoice',
  version: 1,
  name: null,
};

/** The keys of the scenario's rows, by role. */
export const K = {
  /** order, active: service task `check` waits for its job. */
  running: key(10),
  runningStart: key(11),
  runningCheck: key(12),
  runningJob: key(13),
  /** order, active: `check` has an incident, its job has no retries left. */
  stuck: key(20),
  stuckStart: key(21),
  stuckCheck: key(22),
  stuckJob: key(23),
  stuckIncident: key(24),
  /** invoice, completed, had an incident that was resolved. */
  done: key(30),
  doneStart: key(31),
  doneEnd: key(32),
  doneJob: key(33),
  doneIncident: key(34),
  /** invoice, terminated; called from `running`'s check task. */
  child: key(40),
  variables: { amount1: key(50), customer1: key(51), note1: key(52), amount2: key(53) },
};

/**
 * Four process instances in all the states the API distinguishes, written straight into the
 * engine tables, with their element instances, variables, jobs and incidents.
 */
export async function seedScenario(db: Database): Promise<void> {
  await insertDefinition(db, ORDER);
  await insertDefinition(db, INVOICE);

  await insertInstance(db, {
    key: K.running,
    definition: ORDER,
    state: 'ACTIVATED',
    startDate: '2025-01-01T10:00:00Z',
  });
  await insertElement(db, {
    key: K.runningStart,
    processInstanceKey: K.running,
    flowScopeKey: K.running,
    definition: ORDER,
    elementId: 'start',
    elementType: 'START_EVENT',
    state: 'COMPLETED',
    startDate: '2025-01-01T10:00:00Z',
    endDate: '2025-01-01T10:00:00Z',
  });
  await insertElement(db, {
    key: K.runningCheck,
    processInstanceKey: K.running,
    flowScopeKey: K.running,
    definition: ORDER,
    elementId: 'check',
    elementName: 'Check order',
    elementType: 'SERVICE_TASK',
    state: 'ACTIVATED',
    startDate: '2025-01-01T10:00:01Z',
  });
  await insertJob(db, {
    key: K.runningJob,
    type: 'check-order',
    state: 'ACTIVATED',
    worker: 'worker-1',
    deadline: '2025-01-01T10:05:00Z',
    customHeaders: { priority: 'high' },
    processInstanceKey: K.running,
    elementInstanceKey: K.runningCheck,
    elementId: 'check',
    definition: ORDER,
    createdAt: '2025-01-01T10:00:01Z',
  });
  await insertVariable(db, {
    key: K.variables.amount1,
    processInstanceKey: K.running,
    name: 'amount',
    value: 100,
  });
  await insertVariable(db, {
    key: K.variables.customer1,
    processInstanceKey: K.running,
    name: 'customer',
    value: 'ACME',
  });
  await insertVariable(db, {
    key: K.variables.note1,
    processInstanceKey: K.running,
    scopeKey: K.runningCheck,
    name: 'note',
    value: { text: 'local' },
  });

  await insertInstance(db, {
    key: K.stuck,
    definition: ORDER,
    state: 'ACTIVATED',
    startDate: '2025-01-02T10:00:00Z',
  });
  await insertElement(db, {
    key: K.stuckStart,
    processInstanceKey: K.stuck,
    flowScopeKey: K.stuck,
    definition: ORDER,
    elementId: 'start',
    elementType: 'START_EVENT',
    state: 'COMPLETED',
    startDate: '2025-01-02T10:00:00Z',
    endDate: '2025-01-02T10:00:00Z',
  });
  await insertElement(db, {
    key: K.stuckCheck,
    processInstanceKey: K.stuck,
    flowScopeKey: K.stuck,
    definition: ORDER,
    elementId: 'check',
    elementName: 'Check order',
    elementType: 'SERVICE_TASK',
    state: 'ACTIVATED',
    incidentKey: K.stuckIncident,
    startDate: '2025-01-02T10:00:01Z',
  });
  await insertJob(db, {
    key: K.stuckJob,
    type: 'check-order',
    state: 'FAILED',
    retries: 0,
    errorMessage: 'boom: service down',
    processInstanceKey: K.stuck,
    elementInstanceKey: K.stuckCheck,
    elementId: 'check',
    definition: ORDER,
    createdAt: '2025-01-02T10:00:01Z',
  });
  await insertIncident(db, {
    key: K.stuckIncident,
    state: 'ACTIVE',
    errorType: 'JOB_NO_RETRIES',
    errorMessage: 'boom: service down',
    processInstanceKey: K.stuck,
    elementInstanceKey: K.stuckCheck,
    elementId: 'check',
    jobKey: K.stuckJob,
    definition: ORDER,
    createdAt: '2025-01-02T10:01:00Z',
  });
  await insertVariable(db, {
    key: K.variables.amount2,
    processInstanceKey: K.stuck,
    name: 'amount',
    value: 250,
  });

  await insertInstance(db, {
    key: K.done,
    definition: INVOICE,
    state: 'COMPLETED',
    startDate: '2025-01-03T10:00:00Z',
    endDate: '2025-01-03T11:00:00Z',
  });
  await insertElement(db, {
    key: K.doneStart,
    processInstanceKey: K.done,
    flowScopeKey: K.done,
    definition: INVOICE,
    elementId: 'start',
    elementType: 'START_EVENT',
    state: 'COMPLETED',
    startDate: '2025-01-03T10:00:00Z',
    endDate: '2025-01-03T10:00:00Z',
  });
  await insertElement(db, {
    key: K.doneEnd,
    processInstanceKey: K.done,
    flowScopeKey: K.done,
    definition: INVOICE,
    elementId: 'end',
    elementName: 'Paid',
    elementType: 'END_EVENT',
    state: 'COMPLETED',
    startDate: '2025-01-03T11:00:00Z',
    endDate: '2025-01-03T11:00:00Z',
  });
  await insertJob(db, {
    key: K.doneJob,
    type: 'send-invoice',
    state: 'COMPLETED',
    worker: 'worker-2',
    processInstanceKey: K.done,
    elementInstanceKey: K.doneStart,
    elementId: 'start',
    definition: INVOICE,
    createdAt: '2025-01-03T10:00:00Z',
    endedAt: '2025-01-03T10:30:00Z',
  });
  await insertIncident(db, {
    key: K.doneIncident,
    state: 'RESOLVED',
    errorType: 'EXTRACT_VALUE_ERROR',
    errorMessage: "no variable 'total'",
    processInstanceKey: K.done,
    elementInstanceKey: K.doneEnd,
    elementId: 'end',
    definition: INVOICE,
    createdAt: '2025-01-03T10:10:00Z',
    resolvedAt: '2025-01-03T10:20:00Z',
  });

  await insertInstance(db, {
    key: K.child,
    definition: INVOICE,
    state: 'TERMINATED',
    parentProcessInstanceKey: K.running,
    parentElementInstanceKey: K.runningCheck,
    startDate: '2025-01-04T10:00:00Z',
    endDate: '2025-01-04T10:30:00Z',
  });
}
