import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RestTestKit } from './testing/restTestKit.js';
import { INVOICE, K, ORDER, seedScenario } from './testing/scenario.js';

describe('POST /v2/process-instances/search and GET /v2/process-instances/{key}', () => {
  let kit: RestTestKit;
  beforeAll(async () => {
    kit = await RestTestKit.start();
    await seedScenario(kit.db);
  });
  afterAll(async () => {
    await kit.stop();
  });

  const keysOf = (body: unknown) =>
    kit.pluck('/v2/process-instances/search', 'processInstanceKey', body);

  it('lists every process instance in Camunda shape, by key, without element instances', async () => {
    // given the scenario; when searching with an empty body
    const { items, page } = await kit.search('/v2/process-instances/search', {});
    // then all four instances come back with string keys, ISO dates and mapped states
    expect(page).toMatchObject({ totalItems: 4, hasMoreTotalItems: false });
    expect(items.map((item) => item.processInstanceKey)).toEqual([
      K.running,
      K.stuck,
      K.done,
      K.child,
    ]);
    expect(items[0]).toEqual({
      processInstanceKey: K.running,
      processDefinitionId: 'order',
      processDefinitionName: 'Order',
      processDefinitionVersion: 1,
      processDefinitionKey: ORDER.key,
      startDate: '2025-01-01T10:00:00.000Z',
      state: 'ACTIVE',
      hasIncident: false,
      tenantId: '<default>',
    });
    expect(items[3]).toEqual({
      processInstanceKey: K.child,
      processDefinitionId: 'invoice',
      processDefinitionName: 'invoice',
      processDefinitionVersion: 1,
      processDefinitionKey: INVOICE.key,
      parentProcessInstanceKey: K.running,
      parentElementInstanceKey: K.runningCheck,
      startDate: '2025-01-04T10:00:00.000Z',
      endDate: '2025-01-04T10:30:00.000Z',
      state: 'TERMINATED',
      hasIncident: false,
      tenantId: '<default>',
    });
  });

  it('answers a search without any body at all', async () => {
    // when the client sends no body (Camunda allows it)
    const answer = await kit.call('POST', '/v2/process-instances/search');
    // then it is the first page of everything
    expect(answer.status).toBe(200);
    expect(answer.body.page.totalItems).toBe(4);
  });

  it('filters on state, definition id, incident and parent, plain and with operators', async () => {
    expect(await keysOf({ filter: { state: 'ACTIVE' } })).toEqual([K.running, K.stuck]);
    expect(await keysOf({ filter: { state: { $in: ['COMPLETED', 'TERMINATED'] } } })).toEqual([
      K.done,
      K.child,
    ]);
    expect(await keysOf({ filter: { state: { $neq: 'ACTIVE' } } })).toEqual([K.done, K.child]);
    expect(await keysOf({ filter: { processDefinitionId: 'order', hasIncident: true } })).toEqual([
      K.stuck,
    ]);
    expect(await keysOf({ filter: { hasIncident: false } })).toEqual([K.running, K.done, K.child]);
    expect(await keysOf({ filter: { processDefinitionName: { $like: 'Ord*' } } })).toEqual([
      K.running,
      K.stuck,
    ]);
    expect(await keysOf({ filter: { processDefinitionKey: INVOICE.key } })).toEqual([
      K.done,
      K.child,
    ]);
    expect(await keysOf({ filter: { parentProcessInstanceKey: K.running } })).toEqual([K.child]);
    expect(await keysOf({ filter: { parentProcessInstanceKey: { $exists: false } } })).toEqual([
      K.running,
      K.stuck,
      K.done,
    ]);
    expect(
      await keysOf({
        filter: {
          processDefinitionVersion: { $gte: 1 },
          processInstanceKey: { $in: [K.done, K.stuck] },
        },
      }),
    ).toEqual([K.stuck, K.done]);
  });

  it('filters on dates with ranges', async () => {
    expect(
      await keysOf({
        filter: { startDate: { $gte: '2025-01-02T00:00:00Z', $lt: '2025-01-04T00:00:00+00:00' } },
      }),
    ).toEqual([K.stuck, K.done]);
    expect(await keysOf({ filter: { endDate: { $exists: true } } })).toEqual([K.done, K.child]);
  });

  it('filters on variables, incidents and element instances of the instance', async () => {
    expect(await keysOf({ filter: { variables: [{ name: 'amount', value: '250' }] } })).toEqual([
      K.stuck,
    ]);
    expect(
      await keysOf({ filter: { variables: [{ name: 'amount', value: { $in: ['100', '250'] } }] } }),
    ).toEqual([K.running, K.stuck]);
    expect(
      await keysOf({ filter: { variables: [{ name: 'customer', value: '"ACME"' }] } }),
    ).toEqual([K.running]);
    expect(await keysOf({ filter: { errorMessage: { $like: 'boom*' } } })).toEqual([K.stuck]);
    expect(
      await keysOf({ filter: { elementId: 'check', elementInstanceState: 'ACTIVE' } }),
    ).toEqual([K.running, K.stuck]);
    expect(await keysOf({ filter: { elementId: 'end', elementInstanceState: 'ACTIVE' } })).toEqual(
      [],
    );
    expect(await keysOf({ filter: { hasElementInstanceIncident: true } })).toEqual([K.stuck]);
  });

  it('combines top-level fields with $or groups', async () => {
    // when: any of (completed invoices, instances with an incident)
    const keys = await keysOf({
      filter: {
        $or: [{ processDefinitionId: 'invoice', state: 'COMPLETED' }, { hasIncident: true }],
      },
    });
    // then
    expect(keys).toEqual([K.stuck, K.done]);
    expect(
      await keysOf({
        filter: {
          processDefinitionId: 'order',
          $or: [{ hasIncident: true }, { state: 'COMPLETED' }],
        },
      }),
    ).toEqual([K.stuck]);
  });

  it('sorts and pages by offset and by cursor', async () => {
    // given a first page of two, newest first
    const sort = [{ field: 'startDate', order: 'DESC' }];
    const first = await kit.search('/v2/process-instances/search', { sort, page: { limit: 2 } });
    expect(first.items.map((item) => item.processInstanceKey)).toEqual([K.child, K.done]);
    expect(first.page.totalItems).toBe(4);
    // when asking for the page after its end cursor
    const second = await kit.search('/v2/process-instances/search', {
      sort,
      page: { limit: 2, after: first.page.endCursor },
    });
    // then the rest follows, and the page before the second's start cursor is the first again
    expect(second.items.map((item) => item.processInstanceKey)).toEqual([K.stuck, K.running]);
    const back = await kit.search('/v2/process-instances/search', {
      sort: [{ field: 'startDate', order: 'desc' }],
      page: { limit: 2, before: second.page.startCursor },
    });
    expect(back.items).toEqual(first.items);
    expect(
      await keysOf({
        sort: [{ field: 'processDefinitionId' }, { field: 'state', order: 'DESC' }],
        page: { from: 1, limit: 2 },
      }),
    ).toEqual([K.done, K.running]);
  });

  it('gets one process instance by key, or a problem detail', async () => {
    const found = await kit.get(`/v2/process-instances/${K.stuck}`);
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({
      processInstanceKey: K.stuck,
      state: 'ACTIVE',
      hasIncident: true,
    });

    const missing = await kit.get('/v2/process-instances/2251799813699999');
    expect(missing.status).toBe(404);
    expect(missing.contentType).toMatch(/^application\/problem\+json/);
    expect(missing.body).toEqual({
      type: 'about:blank',
      title: 'NOT_FOUND',
      status: 404,
      detail: "Process instance with key '2251799813699999' not found",
      instance: '/v2/process-instances/2251799813699999',
    });

    const malformed = await kit.get('/v2/process-instances/abc');
    expect(malformed.status).toBe(400);
    expect(malformed.body.detail).toContain("processInstanceKey 'abc'");
  });

  it('rejects what Camunda does not define, naming the field', async () => {
    const unknownField = await kit.post('/v2/process-instances/search', {
      filter: { bpmnProcessId: 'order' },
    });
    expect(unknownField.status).toBe(400);
    expect(unknownField.body).toMatchObject({
      title: 'INVALID_ARGUMENT',
      status: 400,
      instance: '/v2/process-instances/search',
    });
    expect(unknownField.body.detail).toContain("'filter.bpmnProcessId'");

    const unknownOperator = await kit.post('/v2/process-instances/search', {
      filter: { state: { $regex: 'A.*' } },
    });
    expect(unknownOperator.body.detail).toContain("'filter.state.$regex'");

    const wrongState = await kit.post('/v2/process-instances/search', {
      filter: { state: 'RUNNING' },
    });
    expect(wrongState.status).toBe(400);
    expect(wrongState.body.detail).toContain("'filter.state'");

    const wrongSort = await kit.post('/v2/process-instances/search', {
      sort: [{ field: 'bpmnProcessId' }],
    });
    expect(wrongSort.body.detail).toContain("'sort.0.field'");

    const badKey = await kit.post('/v2/process-instances/search', {
      filter: { processInstanceKey: 'x1' },
    });
    expect(badKey.body.detail).toContain("'filter.processInstanceKey'");

    const badPage = await kit.post('/v2/process-instances/search', {
      page: { from: 0, after: 'eyJpbmRleCI6MX0=' },
    });
    expect(badPage.body.detail).toContain('do not mix');

    const foreignCursor = await kit.post('/v2/process-instances/search', {
      page: { after: 'bm9wZQ==' },
    });
    expect(foreignCursor.status).toBe(400);
    expect(foreignCursor.body.detail).toContain('cursor');

    const unsupported = await kit.post('/v2/process-instances/search', { filter: { tags: ['x'] } });
    expect(unsupported.status).toBe(400);
    expect(unsupported.body.detail).toContain('not supported by the embedded engine');
  });
});
