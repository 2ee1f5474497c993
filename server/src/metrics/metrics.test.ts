import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../config.js';
import { createLogger } from '../logging.js';
import { startServer, type RunningServer } from '../server.js';
import { apiSession } from '../bench/apiSession.js';
import { isEmbedded } from '../db/database.js';
import { createTestDatabase, type TestDatabase } from '../testing/testDatabase.js';
import { publishTestZaaktype } from '../testing/testZaaktype.js';
import { untilWith } from '../testing/until.js';
import { zeebeClientFor, type ZeebeClient } from '../platform/zeebeClient.js';
import {
  end,
  flow,
  gateway,
  processXml,
  sequence,
  serviceTask,
  start,
  timerCatch,
  userTask,
} from '../engine/testing/bpmnXml.js';

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

/** How far a series moved from one scrape to the next. */
function delta(before: string, after: string, name: string, labels = ''): number {
  return (sample(after, name, labels) ?? 0) - (sample(before, name, labels) ?? 0);
}

const commands = (type: string, outcome: string) => `type="${type}",outcome="${outcome}"`;

const until = untilWith({ timeoutMs: 60_000, intervalMs: 200 });

describe('/metrics', () => {
  let server: RunningServer;
  let dataDir: string;
  let testDb: TestDatabase | undefined;
  let zeebe: ZeebeClient;

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
      ENGINE_CLOCK_CONTROL: 'true',
    });
    // The test fires due timers itself (runDueWork), so a timer stays due until it says so.
    server = await startServer(config, createLogger(config.LOG_LEVEL), { engineScheduler: false });
    zeebe = zeebeClientFor(`127.0.0.1:${server.engine!.grpc.port}`);
  }, 120_000);
  afterAll(async () => {
    await zeebe?.close();
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
      'zaakstroom_incidents_open',
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
      moved('zaakstroom_engine_commands_total', 'type="CreateProcessInstance",outcome="accepted"'),
    ).toBe(1);
    expect(
      moved('zaakstroom_engine_commands_total', 'type="CompleteJob",outcome="accepted"'),
    ).toBeGreaterThanOrEqual(1);
    expect(
      moved('zaakstroom_http_request_duration_seconds_count', 'route="/api/zaken",status="201"'),
    ).toBe(1);
    expect(
      moved('zaakstroom_http_request_duration_seconds_count', 'route="/api/taken"'),
    ).toBeGreaterThanOrEqual(1);
    expect(sample(after, 'zaakstroom_jobs_failed_total')).toBeUndefined();
  }, 120_000);

  const deploy = (bpmnProcessId: string, ...parts: string[]) =>
    zeebe.deployResource({
      name: `${bpmnProcessId}.bpmn`,
      process: Buffer.from(processXml(bpmnProcessId, ...parts)),
    });

  it('counts failed jobs; incidents open go up, and down when one is resolved', async () => {
    // given a process where an in-process worker meets a job it cannot do (zaak.status without a
    // zaak: an incident at once), beside a job the test works itself
    const before = (await scrape()).text;
    await deploy(
      'metrics-incidents',
      start('s'),
      gateway('parallel', 'split'),
      serviceTask('status', 'zaak.status', { headers: { statustype: 'In behandeling' } }),
      serviceTask('probe', 'metrics.probe'),
      end('e1'),
      end('e2'),
      sequence('s', 'split', 'status', 'e1'),
      flow('split', 'probe'),
      flow('probe', 'e2'),
    );
    await zeebe.createProcessInstance({ bpmnProcessId: 'metrics-incidents', variables: {} });
    // when the worker fails its job, and the test fails the probe job without retries
    const [probe] = await zeebe.activateJobs({
      type: 'metrics.probe',
      worker: 'metrics-test',
      maxJobsToActivate: 1,
      timeout: 600_000,
      requestTimeout: 5_000,
    });
    await zeebe.failJob({ jobKey: probe!.key, retries: 0, errorMessage: 'Proefstoring' });
    // then both are counted, and two incidents are open
    const failed = await until(async () => {
      const text = (await scrape()).text;
      const failJobs = delta(
        before,
        text,
        'zaakstroom_engine_commands_total',
        commands('FailJob', 'accepted'),
      );
      return delta(before, text, 'zaakstroom_incidents_open') === 2 && failJobs >= 2
        ? text
        : undefined;
    }, 'two incidents open and both FailJob commands counted');
    expect(delta(before, failed, 'zaakstroom_jobs_failed_total', 'job_type="zaak.status"')).toBe(1);
    expect(
      delta(before, failed, 'zaakstroom_engine_commands_total', commands('FailJob', 'accepted')),
    ).toBe(2);
    // when the probe job gets a retry and its incident is resolved
    const incident = await server
      .db('engine_incidents')
      .where({ job_key: probe!.key, state: 'ACTIVE' })
      .first<{ key: string } | undefined>('key');
    await zeebe.updateJobRetries({ jobKey: probe!.key, retries: 1 });
    await zeebe.resolveIncident({ incidentKey: String(incident!.key) });
    // then one incident is left: the zaak.status one, which nothing fixes
    const resolved = (await scrape()).text;
    expect(delta(before, resolved, 'zaakstroom_incidents_open')).toBe(1);
    expect(
      delta(
        before,
        resolved,
        'zaakstroom_engine_commands_total',
        commands('ResolveIncident', 'accepted'),
      ),
    ).toBe(1);
  }, 120_000);

  it('counts a timer as due once the engine clock passes it, until it fires', async () => {
    // given a process waiting an hour
    await deploy(
      'metrics-timer',
      start('s'),
      timerCatch('wait', { duration: 'PT1H' }),
      end('e'),
      sequence('s', 'wait', 'e'),
    );
    await zeebe.createProcessInstance({ bpmnProcessId: 'metrics-timer', variables: {} });
    const before = (await scrape()).text;
    const beheerder = await apiSession(server.url, 'beheerder');
    try {
      // when the engine clock moves two hours on
      await beheerder('/v2/clock/add', { duration: 'PT2H' });
      const due = (await scrape()).text;
      // and the due timers are fired, as the scheduler does
      const fired = await server.engine!.engine.runDueWork();
      const after = (await scrape()).text;
      // then the timer was due until it fired
      expect(delta(before, due, 'zaakstroom_engine_timers_due')).toBe(1);
      expect(fired).toBe(1);
      expect(delta(due, after, 'zaakstroom_engine_timers_due')).toBe(-1);
      expect(
        delta(
          due,
          after,
          'zaakstroom_engine_commands_total',
          commands('TriggerTimers', 'accepted'),
        ),
      ).toBe(1);
    } finally {
      await beheerder('/v2/clock/reset', {});
    }
  }, 120_000);

  it('reports the database connections in use, within the pool', async () => {
    const idle = sample((await scrape()).text, 'zaakstroom_db_pool_connections_in_use');
    expect(Number.isInteger(idle)).toBe(true);
    expect(idle).toBeGreaterThanOrEqual(0);
    expect(idle).toBeLessThanOrEqual(10);
    // PGlite is one connection: a transaction held open there would hold up the scrape itself.
    if (isEmbedded(server.db)) return;
    const held = await server.db.transaction();
    try {
      await held.raw('select 1');
      const busy = sample((await scrape()).text, 'zaakstroom_db_pool_connections_in_use');
      expect(busy).toBeGreaterThanOrEqual(1);
      expect(busy).toBeLessThanOrEqual(10);
    } finally {
      await held.rollback();
    }
  });

  it('counts a zaak whose process cannot start in the outbox backlog', async () => {
    // given a zaaktype whose process was deleted from the engine after it was published
    await publishTestZaaktype(
      server.url,
      'metrics-outbox',
      processXml(
        'metrics-outbox',
        start('s'),
        userTask('beoordelen', { candidateGroups: 'team-openbare-ruimte' }),
        end('e'),
        sequence('s', 'beoordelen', 'e'),
      ),
    );
    const definition = await server
      .db('engine_process_definitions')
      .where({ bpmn_process_id: 'metrics-outbox' })
      .first<{ key: string } | undefined>('key');
    await zeebe.deleteResource({ resourceKey: String(definition!.key) });
    const before = (await scrape()).text;
    // when a zaak of that type is created
    const api = await apiSession(server.url, 'behandelaar2');
    const zaak = await api<{ id: string }>(
      '/api/zaken',
      {
        zaaktype: 'metrics-outbox',
        omschrijving: 'Proces verdwenen',
        initiator: { type: 'natuurlijk_persoon', bsn: '999993653', naam: 'Jan Jansen' },
      },
      { 'Idempotency-Key': 'metrics-test-outbox' },
    );
    // then its entry waits in the backlog, also after the relay tried to start its process
    await until(async () => {
      const entry = await server
        .db('zaak_process_outbox')
        .where({ zaak_id: zaak.id })
        .first<{ last_error: string | null } | undefined>('last_error');
      return entry?.last_error ? true : undefined;
    }, 'the relay to try the process start');
    const after = (await scrape()).text;
    expect(delta(before, after, 'zaakstroom_zaak_process_outbox_backlog')).toBe(1);
    expect(
      delta(
        before,
        after,
        'zaakstroom_engine_commands_total',
        commands('CreateProcessInstance', 'rejected'),
      ),
    ).toBeGreaterThanOrEqual(1);
  }, 120_000);
});
