import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RestTestKit } from './testing/restTestKit.js';
import { INVOICE, ORDER, seedScenario } from './testing/scenario.js';

describe('POST /v2/process-definitions/:key/statistics/element-instances', () => {
  let kit: RestTestKit;
  beforeAll(async () => {
    kit = await RestTestKit.start();
    await seedScenario(kit.db);
  });
  afterAll(async () => {
    await kit.stop();
  });

  const statistics = (definitionKey: string, body?: unknown) =>
    kit.post(`/v2/process-definitions/${definitionKey}/statistics/element-instances`, body);

  it('counts per element how many instances are active, completed, canceled and stuck (Camunda 8.8 shape)', async () => {
    // given two running orders: one waits at `check`, the other has an incident there
    const answer = await statistics(ORDER.key, {});
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      items: [
        { elementId: 'check', active: 2, canceled: 0, incidents: 1, completed: 0 },
        { elementId: 'start', active: 0, canceled: 0, incidents: 0, completed: 2 },
      ],
    });
  });

  it('counts a finished definition as completed only', async () => {
    const answer = await statistics(INVOICE.key);
    const items = (answer.body as unknown as { items: Array<{ active: number }> }).items;
    expect(items.every((item) => item.active === 0)).toBe(true);
  });

  it('answers 404 for an unknown definition and 400 for a filter it cannot apply', async () => {
    expect((await statistics('999999')).status).toBe(404);
    const filtered = await statistics(ORDER.key, { filter: { state: 'ACTIVE' } });
    expect(filtered.status).toBe(400);
    expect(filtered.text).toContain('supports no filter');
  });
});
