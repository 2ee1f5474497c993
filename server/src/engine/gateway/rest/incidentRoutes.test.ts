import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineRejection } from '../../api.js';
import { insertIncident, key } from './testing/engineRows.js';
import { RestTestKit } from './testing/restTestKit.js';
import { INVOICE, K, ORDER, seedScenario } from './testing/scenario.js';

describe('POST /v2/incidents/search and POST /v2/incidents/{key}/resolution', () => {
  let kit: RestTestKit;
  const resolved: string[] = [];
  // Stands in for the engine: resolves the stuck incident, rejects the others as the engine would.
  const engine = {
    resolveIncident: async (incidentKey: string) => {
      if (incidentKey === K.doneIncident)
        throw new EngineRejection(
          'NOT_FOUND',
          `Expected to resolve incident with key '${incidentKey}', but no such incident was found`,
        );
      if (incidentKey === key(99))
        throw new EngineRejection('FAILED_PRECONDITION', 'Job has no retries left');
      resolved.push(incidentKey);
    },
  };
  const oddKey = key(80);
  beforeAll(async () => {
    kit = await RestTestKit.start({ engine });
    await seedScenario(kit.db);
    await insertIncident(kit.db, {
      key: oddKey,
      state: 'ACTIVE',
      errorType: 'SOMETHING_NEW',
      errorMessage: 'odd',
      processInstanceKey: K.done,
      elementInstanceKey: K.doneEnd,
      elementId: 'end',
      definition: INVOICE,
      createdAt: '2025-01-05T00:00:00Z',
    });
  });
  afterAll(async () => {
    await kit.stop();
  });

  it('lists incidents in Camunda shape', async () => {
    // when
    const answer = await kit.post('/v2/incidents/search', {
      filter: { processInstanceKey: K.stuck },
    });
    // then
    expect(answer.status).toBe(200);
    expect(answer.body.page).toMatchObject({ totalItems: 1, hasMoreTotalItems: false });
    expect(typeof answer.body.page.endCursor).toBe('string');
    expect(answer.body.items).toEqual([
      {
        incidentKey: K.stuckIncident,
        processDefinitionKey: ORDER.key,
        processDefinitionId: 'order',
        processInstanceKey: K.stuck,
        errorType: 'JOB_NO_RETRIES',
        errorMessage: 'boom: service down',
        elementId: 'check',
        elementInstanceKey: K.stuckCheck,
        creationTime: '2025-01-02T10:01:00.000Z',
        state: 'ACTIVE',
        jobKey: K.stuckJob,
        tenantId: '<default>',
      },
    ]);
  });

  it('filters on state and error type; an error type Camunda does not know reads as UNKNOWN', async () => {
    const keys = (filter: unknown) => kit.pluck('/v2/incidents/search', 'incidentKey', { filter });
    expect(await keys({ state: 'RESOLVED' })).toEqual([K.doneIncident]);
    expect(await keys({ errorType: { $in: ['EXTRACT_VALUE_ERROR', 'JOB_NO_RETRIES'] } })).toEqual([
      K.stuckIncident,
      K.doneIncident,
    ]);
    expect(await keys({ creationTime: { $gte: '2025-01-03T00:00:00Z' }, state: 'ACTIVE' })).toEqual(
      [oddKey],
    );
    const odd = await kit.search('/v2/incidents/search', { filter: { incidentKey: oddKey } });
    expect(odd.items[0]).toMatchObject({ errorType: 'UNKNOWN' });
    expect(odd.items[0]).not.toHaveProperty('jobKey');
  });

  it('resolves an incident through the engine: 204, no body', async () => {
    // when
    const answer = await kit.post(`/v2/incidents/${K.stuckIncident}/resolution`);
    // then
    expect(answer.status).toBe(204);
    expect(answer.text).toBe('');
    expect(resolved).toEqual([K.stuckIncident]);
    expect(
      (await kit.post(`/v2/incidents/${K.stuckIncident}/resolution`, { operationReference: 7 }))
        .status,
    ).toBe(204);
  });

  it("maps the engine's rejections to Camunda's statuses", async () => {
    const notFound = await kit.post(`/v2/incidents/${K.doneIncident}/resolution`);
    expect(notFound.status).toBe(404);
    expect(notFound.body).toEqual({
      type: 'about:blank',
      title: 'NOT_FOUND',
      status: 404,
      detail: `Expected to resolve incident with key '${K.doneIncident}', but no such incident was found`,
      instance: `/v2/incidents/${K.doneIncident}/resolution`,
    });
    const conflict = await kit.post(`/v2/incidents/${key(99)}/resolution`);
    expect(conflict.status).toBe(409);
    expect(conflict.body.title).toBe('FAILED_PRECONDITION');
    const malformed = await kit.post('/v2/incidents/first/resolution');
    expect(malformed.status).toBe(400);
    const unknownField = await kit.post(`/v2/incidents/${K.stuckIncident}/resolution`, {
      retries: 3,
    });
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.detail).toContain("'retries'");
  });
});
