import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RestTestKit } from './testing/restTestKit.js';
import { ORDER, seedScenario } from './testing/scenario.js';

describe('GET /v2/process-definitions/{key}/xml and GET /v2/topology', () => {
  let kit: RestTestKit;
  beforeAll(async () => {
    kit = await RestTestKit.start();
    await seedScenario(kit.db);
  });
  afterAll(async () => {
    await kit.stop();
  });

  it('returns the deployed BPMN XML as text/xml', async () => {
    const answer = await kit.get(`/v2/process-definitions/${ORDER.key}/xml`);
    expect(answer.status).toBe(200);
    expect(answer.contentType).toMatch(/^text\/xml/);
    expect(answer.text).toBe(ORDER.xml);
  });

  it('answers 404 and 400 as problem details', async () => {
    const missing = await kit.get('/v2/process-definitions/2251799813600000/xml');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({
      title: 'NOT_FOUND',
      detail: "Process definition with key '2251799813600000' not found",
    });
    expect((await kit.get('/v2/process-definitions/order/xml')).status).toBe(400);
  });

  it('describes the embedded engine as a one-broker, one-partition cluster', async () => {
    const answer = await kit.get('/v2/topology');
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      brokers: [
        {
          nodeId: 0,
          host: 'localhost',
          port: 26500,
          partitions: [{ partitionId: 1, role: 'leader', health: 'healthy' }],
          version: '8.8.0',
        },
      ],
      clusterSize: 1,
      partitionsCount: 1,
      replicationFactor: 1,
      gatewayVersion: '8.8.0',
      lastCompletedChangeId: '-1',
    });
  });

  it('leaves paths outside /v2 to the rest of the app', async () => {
    expect((await kit.get('/health/live')).body).toEqual({ status: 'UP' });
  });
});
