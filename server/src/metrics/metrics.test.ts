import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../config.js';
import { createLogger } from '../logging.js';
import { startServer, type RunningServer } from '../server.js';
import { apiSession } from '../bench/apiSession.js';
import { createTestDatabase, type TestDatabase } from '../testing/testDatabase.js';
import { untilWith } from '../testing/until.js';

const token = 'metrics-test-token-0123456789';

/** The sum of a series' samples whose labels contain `labels` (e.g. `job_type="zaak.status"`). */
function sample(text: string, name: string, labels = ''): number | undefined {
  const values = text
    .split('\n')
    .filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `))
    .filter((line) => line.includes(labels))
    .map((line) => Number(line.slice(line.lastIndexOf(' ') + 1)));
  return values.length === 0 ? undefined : values.reduce((a, b) => a + b, 0);
}

const until = untilWith({ timeoutMs: 60_000, intervalMs: 200 });

describe('/metrics', () => {
  let server: RunningServer;
  let dataDir: string;
  let testDb: TestDatabase | undefined;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'zaakstroom-metrics-'));
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
      METRICS_TOKEN: token,
    });
    server = await startServer(config, createLogger(config.LOG_LEVEL));
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await testDb?.destroy();
    await rm(dataDir, { recursive: true, force: true });
  });

  const scrape = async (headers: Record<string, string> = {}) => {
    const response = await fetch(`${server.url}/metrics`, { headers });
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      text: await response.text(),
    };
  };

  it('answers loopback, and other hosts only with the bearer token', async () => {
    // a request through a local reverse proxy carries the client's address
    const remote = { 'X-Forwarded-For': '203.0.113.7' };
    expect((await scrape()).status).toBe(200);
    expect((await scrape(remote)).status).toBe(401);
    expect(
      (await scrape({ ...remote, Authorization: 'Bearer wrong-token-0123456789xx' })).status,
    ).toBe(401);
    const allowed = await scrape({ ...remote, Authorization: `Bearer ${token}` });
    expect(allowed.status).toBe(200);
    expect(allowed.type).toContain('text/plain');
  });

  it('has the named series, and they move when a zaak starts', async () => {
    // given a first scrape
    const before = (await scrape()).text;
    for (const name of [
      'zaakstroom_zaken_open',
      'zaakstroom_user_tasks_open',
      'zaakstroom_zaak_process_outbox_backlog',
      'zaakstroom_engine_timers_due',
      'zaakstroom_db_pool_connections_in_use',
      'zaakstroom_process_start_time_seconds',
    ]) {
      expect(sample(before, name), name).toBeDefined();
    }
    // when a melding is started and its first user task appears
    const api = await apiSession(server.url, 'behandelaar2');
    const zaak = await api<{ id: string }>(
      '/api/zaken',
      {
        zaaktype: 'melding-openbare-ruimte',
        omschrijving: 'Losse stoeptegel',
        initiator: { type: 'natuurlijk_persoon', bsn: '999993653', naam: 'Jan Jansen' },
      },
      { 'Idempotency-Key': 'metrics-test-melding' },
    );
    await until(async () => {
      const page = await api<{ taken: unknown[] }>(`/api/taken?scope=group&zaakId=${zaak.id}`);
      return page.taken.length > 0 ? true : undefined;
    }, 'the first task');
    // then the second scrape shows the work
    const after = await until(async () => {
      const text = (await scrape()).text;
      return (sample(text, 'zaakstroom_jobs_completed_total', 'job_type="zaak.status"') ?? 0) > 0
        ? text
        : undefined;
    }, 'the status job counted');
    const moved = (name: string, labels = '') =>
      (sample(after, name, labels) ?? 0) - (sample(before, name, labels) ?? 0);
    expect(moved('zaakstroom_zaken_open')).toBe(1);
    expect(moved('zaakstroom_user_tasks_open')).toBe(1);
    expect(
      moved(
        'zaakstroom_process_instances_created_total',
        'bpmn_process_id="melding-openbare-ruimte"',
      ),
    ).toBe(1);
    expect(
      moved('zaakstroom_jobs_activated_total', 'job_type="zaak.status"'),
    ).toBeGreaterThanOrEqual(1);
    expect(
      moved('zaakstroom_http_request_duration_seconds_count', 'route="/api/zaken",status="201"'),
    ).toBe(1);
    expect(
      moved('zaakstroom_http_request_duration_seconds_count', 'route="/api/taken"'),
    ).toBeGreaterThanOrEqual(1);
    expect(sample(after, 'zaakstroom_jobs_failed_total')).toBeUndefined();
  }, 120_000);
});
