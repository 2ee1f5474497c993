import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../testing/testDatabase.js';
import { RestTestKit } from './testing/restTestKit.js';

describe('/v2/clock', () => {
  let testDb: TestDatabase;
  let kit: RestTestKit;
  let disabled: RestTestKit;
  beforeAll(async () => {
    testDb = await createTestDatabase({ migrate: false });
    kit = await RestTestKit.start({ testDb, clockControl: true });
    disabled = await RestTestKit.start({ testDb, clockControl: false });
  });
  afterAll(async () => {
    await kit.stop();
    await disabled.stop();
    await testDb.destroy();
  });

  it('pins the engine clock (PUT /v2/clock), moves it (POST /v2/clock/add) and resets it', async () => {
    // given the clock pinned at an instant
    const pinned = Date.parse('2025-03-01T09:00:00Z');
    const pin = await kit.put('/v2/clock', { timestamp: pinned });
    expect(pin.status).toBe(204);
    expect(kit.clock.now()).toBe(pinned);
    // when adding an ISO 8601 duration, and then milliseconds
    const added = await kit.post('/v2/clock/add', { duration: 'P1DT1H' });
    expect(added.status).toBe(200);
    expect(added.body).toEqual({ timestamp: '2025-03-02T10:00:00.000Z' });
    expect((await kit.post('/v2/clock/add', { millis: -3_600_000 })).body).toEqual({
      timestamp: '2025-03-02T09:00:00.000Z',
    });
    // then the engine's clock stays pinned at the moved instant
    expect(kit.clock.now()).toBe(Date.parse('2025-03-02T09:00:00Z'));
    expect((await kit.get('/v2/clock')).body).toEqual({ timestamp: '2025-03-02T09:00:00.000Z' });
    // and a reset gives back system time
    const reset = await kit.post('/v2/clock/reset');
    expect(reset.status).toBe(204);
    expect(Math.abs(kit.clock.now() - Date.now())).toBeLessThan(5_000);
  });

  it('rejects malformed requests with problem details', async () => {
    const noTimestamp = await kit.put('/v2/clock', {});
    expect(noTimestamp.status).toBe(400);
    expect(noTimestamp.body).toMatchObject({ title: 'INVALID_ARGUMENT', instance: '/v2/clock' });
    expect(noTimestamp.body.detail).toContain("'timestamp'");
    expect((await kit.put('/v2/clock', { timestamp: -1 })).status).toBe(400);
    const months = await kit.post('/v2/clock/add', { duration: 'P1M' });
    expect(months.status).toBe(400);
    expect(months.body.detail).toContain('months');
    expect(
      (await kit.post('/v2/clock/add', { duration: 'PT1H', millis: 5 })).body.detail,
    ).toContain('exactly one');
    expect((await kit.post('/v2/clock/add', { duration: 'one hour' })).body.detail).toContain(
      "'duration'",
    );
    const beforeEpoch = await kit.post('/v2/clock/add', { millis: -Date.now() * 2 });
    expect(beforeEpoch.status).toBe(400);
    expect(beforeEpoch.body.detail).toContain('1970');
  });

  it('answers 403 on every clock route when clock control is disabled, and leaves the clock alone', async () => {
    for (const [method, path] of [
      ['PUT', '/v2/clock'],
      ['GET', '/v2/clock'],
      ['POST', '/v2/clock/reset'],
      ['POST', '/v2/clock/add'],
    ] as const) {
      const answer = await disabled.call(
        method,
        path,
        method === 'GET' ? undefined : { timestamp: 0, duration: 'PT1H' },
      );
      expect(answer.status, `${method} ${path}`).toBe(403);
      expect(answer.body.title).toBe('FORBIDDEN');
      expect(answer.body.detail).toContain('ENGINE_CLOCK_CONTROL=true');
    }
    expect(Math.abs(disabled.clock.now() - Date.now())).toBeLessThan(5_000);
  });
});
