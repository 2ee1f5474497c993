import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../config.js';
import { createLogger } from '../logging.js';
import { startServer, type RunningServer } from '../server.js';
import { createTestDatabase, type TestDatabase } from '../testing/testDatabase.js';
import { untilWith } from '../testing/until.js';

/**
 * The omgevingsvergunning demo zaaktype from registration to closing, on the real server with its
 * embedded engine and in-process workers: a behandelaar does the user tasks through the taken API;
 * document.genereren writes the besluit, which the zaak has as a PDF document at the end.
 */
describe('omgevingsvergunning to its end, with the generated besluit', { timeout: 120_000 }, () => {
  let server: RunningServer;
  let dataDir: string;
  let testDb: TestDatabase | undefined;
  let call: <T>(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ) => Promise<{ status: number; body: T }>;
  let cookieHeaders: Record<string, string>;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'zs-besluit-'));
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
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'behandelaar', password: 'demo' }),
    });
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    cookieHeaders = {
      cookie: login.headers
        .getSetCookie()
        .map((value) => value.split(';')[0])
        .join('; '),
      'x-csrf-token': csrfToken,
    };
    call = async (method, path, body, headers = {}) => {
      const response = await fetch(`${server.url}${path}`, {
        method,
        headers: { ...cookieHeaders, 'content-type': 'application/json', ...headers },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      return { status: response.status, body: (text ? JSON.parse(text) : {}) as never };
    };
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await testDb?.destroy();
    await rm(dataDir, { recursive: true, force: true });
  });

  const until = untilWith({ timeoutMs: 30_000, intervalMs: 100 });

  /** Waits for the zaak's open task at `elementId`, claims it and completes it with `variables`. */
  async function doTask(zaakId: string, elementId: string, variables: Record<string, unknown>) {
    const taak = await until(async () => {
      const page = await call<{ taken: { id: string; elementId: string }[] }>(
        'GET',
        `/api/taken?scope=group&zaakId=${zaakId}`,
      );
      expect(page.status, JSON.stringify(page.body)).toBe(200);
      return page.body.taken.find((t) => t.elementId === elementId);
    }, `task ${elementId}`);
    expect((await call('POST', `/api/taken/${taak.id}/claim`)).status).toBe(200);
    const completed = await call('POST', `/api/taken/${taak.id}/complete`, { variables });
    expect(completed.status, JSON.stringify(completed.body)).toBe(200);
  }

  it('decides, generates the besluit as a PDF document of the zaak, and closes the zaak', async () => {
    // given a registered omgevingsvergunning
    const created = await call<{ id: string; identificatie: string }>(
      'POST',
      '/api/zaken',
      {
        zaaktype: 'omgevingsvergunning',
        omschrijving: 'Dakkapel Dorpsstraat 1',
        initiator: { type: 'natuurlijk_persoon', bsn: '999993653', naam: 'J. Jansen' },
      },
      { 'idempotency-key': crypto.randomUUID() },
    );
    expect(created.status).toBe(201);
    const zaakId = created.body.id;
    // when the behandelaar does the tasks: complete, no advice, granted
    await doTask(zaakId, 'VolledigheidToetsen', { volledig: true });
    await doTask(zaakId, 'InhoudelijkBeoordelen', { adviseurs: [], verlengingNodig: false });
    await doTask(zaakId, 'BesluitOpstellen', {
      besluit: 'verleend',
      motivering: 'Past in het omgevingsplan.',
    });
    // then the process closes the zaak with resultaat Verleend
    const closed = await until(async () => {
      const zaak = await call<{
        einddatum: string | null;
        resultaat: { resultaattype: string } | null;
      }>('GET', `/api/zaken/${zaakId}`);
      return zaak.body.einddatum ? zaak.body : undefined;
    }, 'the zaak to close');
    expect(closed.resultaat?.resultaattype).toBe('Verleend');
    // and the zaak has exactly one besluit, a PDF written by the worker
    const listed = await call<{
      documenten: {
        id: string;
        titel: string;
        informatieobjecttype: string;
        formaat: string;
        toegevoegdDoor: string;
      }[];
    }>('GET', `/api/zaken/${zaakId}/documenten`);
    expect(listed.body.documenten).toEqual([
      expect.objectContaining({
        titel: 'Besluit op uw aanvraag omgevingsvergunning',
        informatieobjecttype: 'Besluit',
        formaat: 'application/pdf',
        toegevoegdDoor: 'service:zaakstroom-workers',
      }),
    ]);
    const download = await fetch(
      `${server.url}/api/documenten/${listed.body.documenten[0]!.id}/inhoud`,
      { headers: cookieHeaders },
    );
    expect(download.status).toBe(200);
    const bytes = Buffer.from(await download.arrayBuffer());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});
