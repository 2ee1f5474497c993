import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../../bench/serverProcess.js';
import { createTestDatabase, type TestDatabase } from '../../testing/testDatabase.js';

/**
 * Two real server processes (`node server/dist/main.js`) on one PostgreSQL database, each with its
 * own embedded engine, feed consumer, deadline job and digest. PGlite cannot be shared by two
 * processes, so this runs with TEST_DATABASE_URL only.
 */
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

async function session(baseUrl: string, username: string) {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'demo' }),
  });
  if (!login.ok) throw new Error(`login as ${username} failed: ${login.status}`);
  const cookie = login.headers.getSetCookie().map((value) => value.split(';')[0]).join('; ');
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return async <T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: T }> => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json', ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : {}) as T };
  };
}

describe.skipIf(!onPostgres)('two server processes on one database', { timeout: 240_000 }, () => {
  let testDb: TestDatabase;
  const servers: (ServerProcess & { url: string })[] = [];

  beforeAll(async () => {
    testDb = await createTestDatabase({ migrate: false });
    const settings = {
      DATABASE_URL: testDb.url!,
      ENGINE_CLOCK_CONTROL: 'true',
      WORKERS_IN_PROCESS: 'false',
      WORKER_CLIENT_SECRET: 'signaleringen-test-secret-of-at-least-32-characters',
    };
    // One after the other: the first migrates and seeds, the second finds it done.
    servers.push(await startServerProcess(settings, 180_000));
    servers.push(await startServerProcess(settings, 180_000));
  }, 400_000);
  afterAll(async () => {
    for (const server of servers) server.kill();
    await Promise.all(servers.map((server) => server.exited));
    await testDb?.destroy();
  });

  it('creates each signalering once, from the audit feed and from the deadline job', async () => {
    const [one, two] = servers as [ServerProcess & { url: string }, ServerProcess & { url: string }];
    const coordinatorOne = await session(one.url, 'coordinator');
    const coordinatorTwo = await session(two.url, 'coordinator');
    // given a zaak (created on one) whose streefdatum is Friday 1 May 2026, made Bram's (on two)
    const created = await coordinatorOne<{ id: string; einddatumGepland: string }>(
      'POST',
      '/api/zaken',
      { zaaktype: 'omgevingsvergunning', bronorganisatie: '002220647', omschrijving: 'Twee servers', startdatum: '2026-03-20', initiator: { type: 'natuurlijk_persoon', bsn: '999993653' } },
      { 'idempotency-key': crypto.randomUUID() },
    );
    expect(created.status).toBe(201);
    expect(created.body.einddatumGepland).toBe('2026-05-01');
    const zaakId = created.body.id;
    const rol = await coordinatorTwo('POST', `/api/zaken/${zaakId}/rollen`, { roltype: 'Vergunningverlener', betrokkene: { type: 'medewerker', username: 'behandelaar' } });
    expect(rol.status).toBe(201);
    // when both engines' clocks move to Thursday 23 April (five working days before, Koningsdag between):
    // each process runs its deadline job at once
    const thursday = Date.parse('2026-04-23T09:00:00+02:00');
    const pins = await Promise.all([coordinatorOne('PUT', '/v2/clock', { timestamp: thursday }), coordinatorTwo('PUT', '/v2/clock', { timestamp: thursday })]);
    expect(pins.map((pin) => pin.status)).toEqual([204, 204]);
    // then Bram sees both signaleringen, on either server
    const bram = await session(two.url, 'behandelaar');
    const wanted = ['zaak_toegewezen_mij', 'zaak_streefdatum_nadert'];
    const deadline = Date.now() + 60_000;
    let seen: string[] = [];
    while (Date.now() < deadline) {
      const listed = await bram<{ signaleringen: { eventType: string; subjectId: string }[] }>('GET', '/api/signaleringen');
      seen = listed.body.signaleringen.filter((s) => s.subjectId === zaakId).map((s) => s.eventType);
      if (wanted.every((type) => seen.includes(type))) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(seen.sort()).toEqual([...wanted].sort());
    // and after both processes have had several more rounds, each exists exactly once
    await Promise.all([coordinatorOne('POST', '/v2/clock/add', { millis: 60_000 }), coordinatorTwo('POST', '/v2/clock/add', { millis: 60_000 })]);
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    const rows = await testDb.db('signaleringen').where({ zaak_id: zaakId }).select<{ username: string; event_type: string }[]>('username', 'event_type');
    expect(rows.filter((row) => row.username === 'behandelaar').map((row) => row.event_type).sort()).toEqual([...wanted].sort());
    const runs = await testDb.db('signalering_runs').where({ job: 'deadlines-zaken', period: '2026-04-23' });
    expect(runs).toHaveLength(1);
  });
});
