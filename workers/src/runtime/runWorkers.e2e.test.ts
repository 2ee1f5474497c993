import { readFileSync } from 'node:fs';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The real engine and gRPC gateway from the server workspace (tests only; the product code never imports it).
import { GatewayHarness } from '../../../server/src/engine/gateway/grpc/testing/gatewayHarness.js';
import { startWorkers } from '../startWorkers.js';
import { HttpStandIn, sendJson } from '../testing/httpStandIn.js';

const bpmn = readFileSync(new URL('./fixtures/runWorkers.bpmn', import.meta.url));

async function until<T>(
  probe: () => Promise<T | undefined>,
  what: string,
  timeoutMs = 10_000,
): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * The zaken module is written concurrently, so the platform is an HTTP stand-in that speaks the
 * agreed contract: token endpoint, status accepted, afsluiten refused without resultaat for zaak 'z-geen'.
 */
describe('runWorkers with the real engine, SDK client and an HTTP platform', () => {
  let harness: GatewayHarness;
  let workers: { close(): Promise<void> };
  const platform = new HttpStandIn((request, res) => {
    if (request.path === '/api/auth/token')
      return sendJson(res, 200, { access_token: 'tok', expires_in: 600 });
    if (request.headers.authorization !== 'Bearer tok') return sendJson(res, 401, {});
    if (request.path === '/api/zaken/z-geen/afsluiten') {
      return sendJson(res, 409, {
        error: {
          name: 'ConflictError',
          message: 'Eindstatus vereist een resultaat',
          details: { code: 'RESULTAAT_ONTBREEKT' },
        },
      });
    }
    if (request.path.startsWith('/api/zaken/onbekend/'))
      return sendJson(res, 404, { error: { name: 'NotFoundError', message: 'Zaak onbekend' } });
    sendJson(res, 200, {});
  });

  beforeAll(async () => {
    await platform.start();
    harness = await GatewayHarness.start();
    await harness.zeebe.deployResource({ process: bpmn, name: 'runWorkers.bpmn' });
    workers = startWorkers({
      zeebe: harness.zeebe,
      logger: pino({ level: 'silent' }),
      platformUrl: platform.url,
      clientId: 'worker',
      clientSecret: 'secret',
      longPollMs: 500,
    });
  });
  afterAll(async () => {
    await workers.close();
    await harness.stop();
    await platform.stop();
  });

  const recordOf = async (processInstanceKey: string, elementId: string): Promise<unknown> =>
    harness
      .db('engine_records')
      .where({
        process_instance_key: processInstanceKey,
        element_id: elementId,
        intent: 'ELEMENT_COMPLETED',
      })
      .first();

  it('given a zaak, then the status job calls the platform with token and idempotency key and the process moves on', async () => {
    const { processInstanceKey } = await harness.zeebe.createProcessInstance({
      bpmnProcessId: 'runWorkers',
      variables: { zaak: { id: 'z-ok' } },
    });
    await until(
      async () =>
        platform.requests.some((r) => r.path === '/api/zaken/z-ok/afsluiten') ? true : undefined,
      'afsluiten call',
    );
    const status = platform.requests.find((r) => r.path === '/api/zaken/z-ok/status');
    expect(status?.body).toEqual({ statustype: 'In behandeling' });
    expect(status?.headers['idempotency-key']).toMatch(/^job-\d+$/);
    expect(await harness.incidents(processInstanceKey)).toEqual([]);
  });

  it('given a zaak without resultaat, then afsluiten throws RESULTAAT_ONTBREEKT and the boundary event takes over', async () => {
    const { processInstanceKey } = await harness.zeebe.createProcessInstance({
      bpmnProcessId: 'runWorkers',
      variables: { zaak: { id: 'z-geen' } },
    });
    await until(
      async () => ((await recordOf(processInstanceKey, 'zonderResultaat')) ? true : undefined),
      'the error end event',
    );
    expect(await harness.incidents(processInstanceKey)).toEqual([]);
    expect(await recordOf(processInstanceKey, 'afgesloten')).toBeUndefined();
  });

  it('given a process without zaak.id, then the job fails with retries 0 and an incident names the variable', async () => {
    const { processInstanceKey } = await harness.zeebe.createProcessInstance({
      bpmnProcessId: 'runWorkers',
      variables: {},
    });
    const [incident] = await until(async () => {
      const found = await harness.incidents(processInstanceKey);
      return found.length ? found : undefined;
    }, 'an incident');
    expect(incident?.error_type).toBe('JOB_NO_RETRIES');
    expect(incident?.error_message).toContain("variable 'zaak'");
  });
});
