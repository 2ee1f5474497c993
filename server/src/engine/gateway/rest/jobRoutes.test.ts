import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertJob, key } from './testing/engineRows.js';
import { RestTestKit } from './testing/restTestKit.js';
import { INVOICE, K, ORDER, seedScenario } from './testing/scenario.js';

describe('POST /v2/jobs/search', () => {
  let kit: RestTestKit;
  const retryingJob = key(60);
  const caughtJob = key(61);
  beforeAll(async () => {
    kit = await RestTestKit.start();
    await seedScenario(kit.db);
    // failed once with retries left, waiting to be activated again
    await insertJob(kit.db, {
      key: retryingJob,
      type: 'send-invoice',
      state: 'ACTIVATABLE',
      retries: 2,
      errorMessage: 'timeout',
      processInstanceKey: K.done,
      elementInstanceKey: K.doneEnd,
      elementId: 'end',
      definition: INVOICE,
      createdAt: '2025-01-03T10:40:00Z',
    });
    // a BPMN error thrown by the worker
    await insertJob(kit.db, {
      key: caughtJob,
      type: 'send-invoice',
      state: 'ERROR_THROWN',
      errorCode: 'NO_ADDRESS',
      errorMessage: 'no address',
      processInstanceKey: K.done,
      elementInstanceKey: K.doneEnd,
      elementId: 'end',
      definition: INVOICE,
      createdAt: '2025-01-03T10:50:00Z',
    });
  });
  afterAll(async () => {
    await kit.stop();
  });

  const search = (body: unknown) => kit.search('/v2/jobs/search', body);

  it('shows an activated job as CREATED, in Camunda shape', async () => {
    // when
    const { items } = await search({ filter: { jobKey: K.runningJob } });
    // then
    expect(items).toEqual([
      {
        jobKey: K.runningJob,
        type: 'check-order',
        worker: 'worker-1',
        state: 'CREATED',
        kind: 'BPMN_ELEMENT',
        listenerEventType: 'UNSPECIFIED',
        retries: 3,
        isDenied: null,
        deniedReason: null,
        hasFailedWithRetriesLeft: false,
        errorCode: null,
        errorMessage: null,
        customHeaders: { priority: 'high' },
        deadline: '2025-01-01T10:05:00.000Z',
        processDefinitionId: 'order',
        processDefinitionKey: ORDER.key,
        processInstanceKey: K.running,
        elementId: 'check',
        elementInstanceKey: K.runningCheck,
        tenantId: '<default>',
      },
    ]);
  });

  it('maps the engine job states to Camunda job states', async () => {
    const { items } = await search({ sort: [{ field: 'jobKey' }] });
    const states = Object.fromEntries(
      items.map((item): [string, unknown[]] => [
        String(item.jobKey),
        [item.state, item.hasFailedWithRetriesLeft],
      ]),
    );
    expect(states).toEqual({
      [K.runningJob]: ['CREATED', false],
      [K.stuckJob]: ['FAILED', false],
      [K.doneJob]: ['COMPLETED', false],
      [retryingJob]: ['FAILED', true],
      [caughtJob]: ['ERROR_THROWN', false],
    });
    expect(items.find((item) => item.jobKey === K.doneJob)).toMatchObject({
      endTime: '2025-01-03T10:30:00.000Z',
      worker: 'worker-2',
      deadline: null,
    });
    expect(items.find((item) => item.jobKey === caughtJob)).toMatchObject({
      errorCode: 'NO_ADDRESS',
      errorMessage: 'no address',
    });
  });

  it('filters on type, state, retries, worker, deadline and flags', async () => {
    const keys = (filter: unknown) => kit.pluck('/v2/jobs/search', 'jobKey', { filter });
    expect(await keys({ type: 'check-order' })).toEqual([K.runningJob, K.stuckJob]);
    expect(await keys({ state: 'FAILED' })).toEqual([K.stuckJob, retryingJob]);
    expect(await keys({ state: { $in: ['CREATED', 'ERROR_THROWN'] } })).toEqual([
      K.runningJob,
      caughtJob,
    ]);
    expect(await keys({ retries: { $lt: 1 } })).toEqual([K.stuckJob]);
    expect(await keys({ worker: { $like: 'worker-*' } })).toEqual([K.runningJob, K.doneJob]);
    expect(await keys({ deadline: null, processInstanceKey: K.running })).toEqual([]);
    expect(await keys({ deadline: { $exists: true } })).toEqual([K.runningJob]);
    expect(await keys({ hasFailedWithRetriesLeft: true })).toEqual([retryingJob]);
    expect(
      await keys({
        kind: 'BPMN_ELEMENT',
        listenerEventType: 'UNSPECIFIED',
        isDenied: null,
        elementId: 'check',
      }),
    ).toEqual([K.runningJob, K.stuckJob]);
    expect(await keys({ endTime: { $lte: '2025-01-03T10:30:00Z' } })).toEqual([K.doneJob]);
  });

  it('sorts on a derived field and rejects an unknown job state', async () => {
    const { items } = await search({
      filter: { processInstanceKey: K.done },
      sort: [{ field: 'state', order: 'DESC' }],
    });
    expect(items.map((item) => item.state)).toEqual(['FAILED', 'ERROR_THROWN', 'COMPLETED']);
    const bad = await kit.post('/v2/jobs/search', { filter: { state: 'ACTIVATED' } });
    expect(bad.status).toBe(400);
    expect(bad.body.detail).toContain("'filter.state'");
  });
});
