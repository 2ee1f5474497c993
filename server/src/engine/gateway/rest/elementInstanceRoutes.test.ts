import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RestTestKit } from './testing/restTestKit.js';
import { K, ORDER, seedScenario } from './testing/scenario.js';

describe('POST /v2/element-instances/search', () => {
  let kit: RestTestKit;
  beforeAll(async () => {
    kit = await RestTestKit.start();
    await seedScenario(kit.db);
  });
  afterAll(async () => {
    await kit.stop();
  });

  const search = (body: unknown) => kit.search('/v2/element-instances/search', body);
  const keysOf = (filter: unknown) =>
    kit.pluck('/v2/element-instances/search', 'elementInstanceKey', { filter });

  it('lists the flow nodes of an instance in Camunda shape; the process itself is not one of them', async () => {
    // when searching the element instances of the running order
    const { items, page } = await search({ filter: { processInstanceKey: K.running } });
    // then start event and service task come back, with engine states mapped to ACTIVE / COMPLETED
    expect(page.totalItems).toBe(2);
    expect(items).toEqual([
      {
        elementInstanceKey: K.runningStart,
        processInstanceKey: K.running,
        processDefinitionKey: ORDER.key,
        processDefinitionId: 'order',
        elementId: 'start',
        elementName: 'start',
        type: 'START_EVENT',
        state: 'COMPLETED',
        hasIncident: false,
        tenantId: '<default>',
        startDate: '2025-01-01T10:00:00.000Z',
        endDate: '2025-01-01T10:00:00.000Z',
      },
      {
        elementInstanceKey: K.runningCheck,
        processInstanceKey: K.running,
        processDefinitionKey: ORDER.key,
        processDefinitionId: 'order',
        elementId: 'check',
        elementName: 'Check order',
        type: 'SERVICE_TASK',
        state: 'ACTIVE',
        hasIncident: false,
        tenantId: '<default>',
        startDate: '2025-01-01T10:00:01.000Z',
      },
    ]);
  });

  it('shows the incident of an element instance and finds it by hasIncident', async () => {
    const { items } = await search({ filter: { hasIncident: true } });
    expect(items).toEqual([
      expect.objectContaining({
        elementInstanceKey: K.stuckCheck,
        hasIncident: true,
        incidentKey: K.stuckIncident,
      }),
    ]);
    expect(await keysOf({ incidentKey: K.stuckIncident })).toEqual([K.stuckCheck]);
  });

  it('filters on type, state, element id and name, scope and dates', async () => {
    expect(await keysOf({ type: 'START_EVENT', state: 'COMPLETED' })).toEqual([
      K.runningStart,
      K.stuckStart,
      K.doneStart,
    ]);
    expect(await keysOf({ elementId: 'check', state: 'ACTIVE' })).toEqual([
      K.runningCheck,
      K.stuckCheck,
    ]);
    expect(await keysOf({ elementName: { $like: 'Check*' }, processInstanceKey: K.stuck })).toEqual(
      [K.stuckCheck],
    );
    expect(await keysOf({ elementInstanceScopeKey: K.done })).toEqual([K.doneStart, K.doneEnd]);
    expect(
      await keysOf({ processDefinitionId: 'invoice', endDate: { $gt: '2025-01-03T10:30:00Z' } }),
    ).toEqual([K.doneEnd]);
    expect(
      await keysOf({ type: { $in: ['END_EVENT', 'SERVICE_TASK'] }, state: { $neq: 'ACTIVE' } }),
    ).toEqual([K.doneEnd]);
  });

  it('sorts by any sortable field', async () => {
    const ids = await kit.pluck('/v2/element-instances/search', 'elementId', {
      filter: { processInstanceKey: K.done },
      sort: [{ field: 'elementId', order: 'DESC' }],
    });
    expect(ids).toEqual(['start', 'end']);
  });

  it('rejects an unknown element type or filter field with a problem detail', async () => {
    const badType = await kit.post('/v2/element-instances/search', {
      filter: { type: 'WORKFLOW' },
    });
    expect(badType.status).toBe(400);
    expect(badType.body.detail).toContain("'filter.type'");
    const unknown = await kit.post('/v2/element-instances/search', {
      filter: { flowNodeId: 'check' },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.detail).toContain("'filter.flowNodeId'");
  });
});
