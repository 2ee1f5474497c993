import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from './config.js';
import { createLogger } from './logging.js';
import { startServer, type RunningServer } from './server.js';
import { createTestDatabase, type TestDatabase } from './testing/testDatabase.js';

describe('server', () => {
  let server: RunningServer;
  let dataDir: string;
  let testDb: TestDatabase | undefined;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'zaakstroom-server-'));
    // On PostgreSQL (TEST_DATABASE_URL) a fresh, empty database; else PGlite in a temporary DATA_DIR.
    testDb = process.env.TEST_DATABASE_URL
      ? await createTestDatabase({ migrate: false })
      : undefined;
    const config = readConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      ZEEBE_GATEWAY_PORT: '0',
      DATA_DIR: dataDir,
      DATABASE_URL: testDb?.url,
      LOG_LEVEL: 'silent',
    });
    server = await startServer(config, createLogger(config.LOG_LEVEL));
  });

  afterAll(async () => {
    await server?.close();
    await testDb?.destroy();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('is live and ready once started (database reachable, migrations applied)', async () => {
    // when asking the health endpoints
    const live = await fetch(`${server.url}/health/live`);
    const ready = await fetch(`${server.url}/health/ready`);
    // then both answer 200
    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({ status: 'UP' });
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      status: 'UP',
      checks: { database: 'UP', migrations: 'UP' },
    });
  });

  it('asks for a login before saying anything about /api routes', async () => {
    const response = await fetch(`${server.url}/api/no-such-thing`);
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: { name: string } }).error.name).toBe('AuthenticationError');
  });

  it('answers an unknown route with 404 and the JSON error body', async () => {
    // given a signed-in user
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'behandelaar', password: 'demo' }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    // when requesting a route that does not exist
    const response = await fetch(`${server.url}/api/no-such-thing?x=1`, { headers: { cookie } });
    // then the error names the method and path
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({
      error: {
        name: 'NotFoundError',
        message: 'No route for GET /api/no-such-thing',
        details: { method: 'GET', path: '/api/no-such-thing' },
      },
    });
  });

  it('answers a malformed JSON body with 400 InputError and no stack trace', async () => {
    // when posting JSON that does not parse
    const response = await fetch(`${server.url}/api/zaken`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"omschrijving": ',
    });
    // then the client learns what was wrong, and nothing about the server's insides
    expect(response.status).toBe(400);
    const text = await response.text();
    const body = JSON.parse(text) as { error: { name: string; message: string; details: unknown } };
    expect(body.error.name).toBe('InputError');
    expect(body.error.message).toMatch(/JSON/);
    expect(body.error.details).toEqual({ type: 'entity.parse.failed' });
    expect(text).not.toMatch(/stack|node_modules|\bat \S+ \(/);
  });

  it('tags every answer with a request id, keeping a sane one the client sent', async () => {
    // when a client sends its own X-Request-Id, and another sends none
    const withId = await fetch(`${server.url}/health/live`, {
      headers: { 'x-request-id': 'trace-42' },
    });
    const withoutId = await fetch(`${server.url}/health/live`);
    // then the first is echoed and the second gets a fresh one
    expect(withId.headers.get('x-request-id')).toBe('trace-42');
    expect(withoutId.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
