import { Camunda8 } from '@camunda8/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RestTestKit } from './testing/restTestKit.js';
import { K, ORDER, seedScenario } from './testing/scenario.js';

/**
 * Camunda's own 8.8 REST client (bundled with @camunda8/sdk), validating every request and
 * response against the zod schemas generated from Camunda's OpenAPI spec: proof of the shapes.
 */
describe('the official Camunda 8.8 REST client, with strict validation, against REST v2', () => {
  let kit: RestTestKit;
  let client: ReturnType<Camunda8['getOrchestrationClusterApiClient']>;
  const previousValidation = process.env.CAMUNDA_SDK_VALIDATION;
  const now = { consistency: { waitUpToMs: 0 } };

  beforeAll(async () => {
    kit = await RestTestKit.start({
      clockControl: true,
      engine: { resolveIncident: async () => {} },
    });
    await seedScenario(kit.db);
    process.env.CAMUNDA_SDK_VALIDATION = 'req:strict,res:strict';
    client = new Camunda8({
      ZEEBE_REST_ADDRESS: kit.baseUrl,
      CAMUNDA_AUTH_STRATEGY: 'NONE',
    }).getOrchestrationClusterApiClient({}, { cached: false });
  });
  afterAll(async () => {
    if (previousValidation === undefined) delete process.env.CAMUNDA_SDK_VALIDATION;
    else process.env.CAMUNDA_SDK_VALIDATION = previousValidation;
    await kit.stop();
  });

  it('reads topology, instances, element instances, variables, incidents, jobs and XML', async () => {
    expect((await client.getTopology()).gatewayVersion).toBe('8.8.0');

    const instances = await client.searchProcessInstances(
      {
        filter: { processDefinitionId: 'order' },
        sort: [{ field: 'startDate', order: 'DESC' }],
        page: { limit: 10 },
      },
      now,
    );
    expect(instances.items.map((item) => item.processInstanceKey)).toEqual([K.stuck, K.running]);
    expect(Number(instances.page.totalItems)).toBe(2);
    // (The client's own request validation drops `page.after`, so cursors are tested with fetch elsewhere.)
    const second = await client.searchProcessInstances(
      { sort: [{ field: 'processInstanceKey', order: 'ASC' }], page: { from: 1, limit: 1 } },
      now,
    );
    expect(second.items.map((item) => item.processInstanceKey)).toEqual([K.stuck]);

    const one = await client.getProcessInstance({ processInstanceKey: K.child as never }, now);
    expect(one.parentProcessInstanceKey).toBe(K.running);

    const elements = await client.searchElementInstances(
      { filter: { processInstanceKey: K.stuck as never } },
      now,
    );
    expect(elements.items?.map((item) => item.elementId)).toEqual(['start', 'check']);

    const variables = await client.searchVariables(
      { filter: { processInstanceKey: K.running as never } },
      now,
    );
    expect(variables.items.map((item) => item.name)).toEqual(['amount', 'customer', 'note']);

    const incidents = await client.searchIncidents({ filter: { state: 'ACTIVE' } }, now);
    expect(incidents.items?.map((item) => item.incidentKey)).toEqual([K.stuckIncident]);

    const jobs = await client.searchJobs({ filter: { type: 'check-order' } }, now);
    expect(jobs.items.map((item) => item.state)).toEqual(['CREATED', 'FAILED']);

    const xml = await client.getProcessDefinitionXml(
      { processDefinitionKey: ORDER.key as never },
      now,
    );
    expect(xml).toBe(ORDER.xml);
  });

  it('resolves an incident and pins and resets the clock', async () => {
    await client.resolveIncident({ incidentKey: K.stuckIncident as never });
    await client.pinClock({ timestamp: Date.parse('2030-01-01T00:00:00Z') });
    expect(kit.clock.now()).toBe(Date.parse('2030-01-01T00:00:00Z'));
    await client.resetClock();
    expect(Math.abs(kit.clock.now() - Date.now())).toBeLessThan(5_000);
  });
});
