import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../config.js';
import { createLogger } from '../../logging.js';
import { startServer, type RunningServer } from '../../server.js';
import { createTestDatabase, type TestDatabase } from '../../testing/testDatabase.js';
import { methodSession as session } from '../../bench/apiSession.js';
import { untilWith } from '../../testing/until.js';
import { startWebhookReceiver, type WebhookReceiver } from './testing/webhookReceiver.js';

const until = untilWith({ timeoutMs: 30_000, intervalMs: 100 });

/** The whole server as `npm start` wires it: its own dispatcher posts to an abonnement made through the API. */
describe('notificaties in the running server', { timeout: 120_000 }, () => {
  let server: RunningServer;
  let dataDir: string;
  let callback: WebhookReceiver;
  let database: TestDatabase | undefined;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'zs-notificaties-'));
    callback = await startWebhookReceiver();
    // On PostgreSQL a fresh database of its own, on PGlite the data dir.
    if (process.env.TEST_DATABASE_URL) database = await createTestDatabase({ migrate: false });
    const config = readConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      ZEEBE_GATEWAY_PORT: '0',
      DATA_DIR: dataDir,
      DATABASE_URL: database?.url,
      LOG_LEVEL: 'silent',
      WORKERS_IN_PROCESS: 'false',
      PUBLIC_URL: 'https://zaken.gemeente.example',
    });
    server = await startServer(config, createLogger('silent'));
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await callback?.close();
    await database?.destroy();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('posts the creation of a zaak to the abonnement, with PUBLIC_URL as base', async () => {
    // given an abonnement on zaken of the omgevingsvergunning zaaktype
    const beheerder = await session(server.url, 'beheerder');
    await beheerder('POST', '/api/notificaties/abonnementen', {
      callbackUrl: callback.url,
      auth: 'Bearer in-de-server',
      kanalen: [{ naam: 'zaken', filters: { zaaktype: 'omgevingsvergunning' } }],
    });
    // when a coordinator creates such a zaak
    const coordinator = await session(server.url, 'coordinator');
    const zaak = await coordinator<{ id: string }>(
      'POST',
      '/api/zaken',
      {
        zaaktype: 'omgevingsvergunning',
        bronorganisatie: '002220647',
        omschrijving: 'Notificatie uit de server',
        startdatum: '2026-03-20',
        initiator: { type: 'natuurlijk_persoon', bsn: '999993653' },
      },
      { 'idempotency-key': crypto.randomUUID() },
    );
    // then the server's dispatcher posts it, without anyone asking
    const request = await until(
      async () => callback.received[0],
      'the notificatie of the new zaak',
    );
    expect(request.headers.authorization).toBe('Bearer in-de-server');
    expect(request.body).toMatchObject({
      kanaal: 'zaken',
      hoofdObject: `https://zaken.gemeente.example/api/zaken/${zaak.id}`,
      resource: 'zaak',
      actie: 'create',
      kenmerken: { bronorganisatie: '002220647', zaaktype: 'omgevingsvergunning' },
    });
    // and the aflevering is listed as delivered
    const listed = await until(async () => {
      const page = await beheerder<{ afleveringen: { state: string }[] }>(
        'GET',
        '/api/notificaties/afleveringen',
      );
      return page.afleveringen[0]?.state === 'delivered' ? page : undefined;
    }, 'the aflevering recorded as delivered');
    expect(listed.afleveringen).toHaveLength(1);
  });
});
