import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../bench/engineProcess.js';
import { startServerProcess, type ServerProcess } from '../bench/serverProcess.js';
import { startWorkersProcess, type WorkersProcess } from '../bench/workersProcess.js';
import { createTestDatabase, type TestDatabase } from '../testing/testDatabase.js';
import { keepServingWhenClientsDrop } from '../testing/smtpPeer.js';
import { methodSession as session } from '../bench/apiSession.js';
import { publishTestZaaktype } from '../testing/testZaaktype.js';
import { untilWith } from '../testing/until.js';

const ZAKEN = 40;
/** The SMTP peer holds its 250 this long after taking a message: the window the kill aims at. */
const SMTP_REPLY_DELAY_MS = 1_500;
const SECRET = 'worker-kill-test-secret-0123456789abcdef';
const until = untilWith({ timeoutMs: 60_000, intervalMs: 200 });

/** Status, mail, status: three worker jobs with platform and SMTP effects per zaak. */
const model = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="wk" targetNamespace="http://zaakstroom.test">
  <bpmn:process id="worker-kill" name="Worker kill" isExecutable="true">
    <bpmn:startEvent id="start"/>
    <bpmn:serviceTask id="ontvangen" name="Status: Ontvangen"><bpmn:extensionElements><zeebe:taskDefinition type="zaak.status" retries="3"/><zeebe:taskHeaders><zeebe:header key="statustype" value="Ontvangen"/></zeebe:taskHeaders></bpmn:extensionElements></bpmn:serviceTask>
    <bpmn:serviceTask id="mail" name="Ontvangstbevestiging"><bpmn:extensionElements><zeebe:taskDefinition type="notificatie.email" retries="3"/><zeebe:taskHeaders><zeebe:header key="to" value="melder@voorbeeld.nl"/><zeebe:header key="subject" value="Ontvangen {{zaak.identificatie}}"/><zeebe:header key="template" value="&lt;p&gt;Wij hebben uw melding ontvangen.&lt;/p&gt;"/></zeebe:taskHeaders></bpmn:extensionElements></bpmn:serviceTask>
    <bpmn:serviceTask id="inBehandeling" name="Status: In behandeling"><bpmn:extensionElements><zeebe:taskDefinition type="zaak.status" retries="3"/><zeebe:taskHeaders><zeebe:header key="statustype" value="In behandeling"/></zeebe:taskHeaders></bpmn:extensionElements></bpmn:serviceTask>
    <bpmn:endEvent id="end"/>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="ontvangen"/>
    <bpmn:sequenceFlow id="f2" sourceRef="ontvangen" targetRef="mail"/>
    <bpmn:sequenceFlow id="f3" sourceRef="mail" targetRef="inBehandeling"/>
    <bpmn:sequenceFlow id="f4" sourceRef="inBehandeling" targetRef="end"/>
  </bpmn:process>
</bpmn:definitions>`;

interface Delivery {
  messageId: string;
  subject: string;
}

/**
 * A mail server that takes responsibility for a message (records it) as soon as the data is in,
 * then holds its 250 reply for a while, like a slow MTA writing its queue. A client killed in
 * that window never learns that its message arrived.
 */
function slowSmtpPeer() {
  const deliveries: Delivery[] = [];
  const awaitingReply = new Set<string>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const delivery = {
          messageId: /^Message-ID:\s*(\S+)/im.exec(raw)?.[1] ?? '',
          subject: /^Subject:\s*(.+)$/im.exec(raw)?.[1]?.trim() ?? '',
        };
        deliveries.push(delivery);
        awaitingReply.add(delivery.messageId);
        setTimeout(() => {
          awaitingReply.delete(delivery.messageId);
          callback();
        }, SMTP_REPLY_DELAY_MS);
      });
    },
  });
  keepServingWhenClientsDrop(server);
  return { server, deliveries, awaitingReply };
}

/**
 * Issue #6, acceptance 2: the job workers run as their own process and are killed (SIGKILL) while
 * jobs are in flight; after a restart every zaak effect happened once. Statuses exactly once per
 * zaak; mail once per zaak as the recipient counts it (one Message-ID, stable per job). SMTP has
 * no exactly-once: a message the peer took while the worker died before reading the 250 is sent
 * again after the restart, with the same Message-ID; the test allows that for exactly those.
 */
describe('killing the worker process mid-job', { timeout: 120_000 }, () => {
  const peer = slowSmtpPeer();
  let server: ServerProcess & { url: string };
  let dataDir: string;
  let database: TestDatabase | undefined;
  let workers: WorkersProcess | undefined;
  let workersEnv: Record<string, string>;
  let workersSaid = '';

  beforeAll(async () => {
    await new Promise<void>((resolve) => peer.server.listen(0, '127.0.0.1', resolve));
    const smtpPort = (peer.server.server.address() as AddressInfo).port;
    dataDir = await mkdtemp(join(tmpdir(), 'zs-worker-kill-'));
    if (process.env.TEST_DATABASE_URL) database = await createTestDatabase({ migrate: false });
    const gatewayPort = await freePort();
    server = await startServerProcess({
      DATA_DIR: dataDir,
      DATABASE_URL: database?.url ?? '',
      ZEEBE_GATEWAY_PORT: String(gatewayPort),
      WORKERS_IN_PROCESS: 'false',
      WORKER_CLIENT_SECRET: SECRET,
    });
    await publishTestZaaktype(server.url, 'worker-kill', model);
    workersEnv = {
      ZEEBE_ADDRESS: `127.0.0.1:${gatewayPort}`,
      PLATFORM_URL: server.url,
      WORKER_CLIENT_ID: 'zaakstroom-workers',
      WORKER_CLIENT_SECRET: SECRET,
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      WORKER_CONCURRENCY: '8',
      // The job lock: how soon the engine offers a dead worker's jobs again.
      WORKER_TIMEOUT_MS: '4000',
    };
  }, 180_000);

  afterAll(async () => {
    await workers?.stop();
    server?.kill();
    await server?.exited;
    await new Promise<void>((resolve) => peer.server.close(() => resolve()));
    await database?.destroy();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('gives each zaak each status once and one mail after a kill -9 and restart', async () => {
    const behandelaar = await session(server.url, 'behandelaar2');
    // given the workers running as their own process
    workers = startWorkersProcess(workersEnv);
    // when many zaken start their process
    const zaken: { id: string; identificatie: string }[] = [];
    for (let n = 0; n < ZAKEN; n++) {
      zaken.push(
        await behandelaar(
          'POST',
          '/api/zaken',
          {
            zaaktype: 'worker-kill',
            omschrijving: `Melding ${n}`,
            initiator: { type: 'natuurlijk_persoon', bsn: '999993653', naam: 'Jan Jansen' },
          },
          { 'Idempotency-Key': `worker-kill-${n}` },
        ),
      );
    }
    // and the worker process is killed while the SMTP peer holds replies to mails it has taken
    await until(
      async () => (peer.awaitingReply.size >= 3 && peer.deliveries.length >= 5 ? true : undefined),
      'mails in flight at the SMTP peer',
    );
    await workers.stop('SIGKILL');
    workersSaid = workers.output();
    const unacknowledged = new Set(peer.awaitingReply);
    const deliveredBeforeKill = peer.deliveries.length;
    // and started again
    workers = startWorkersProcess(workersEnv);

    // then every zaak reaches its last status
    const details = await until(async () => {
      const all = await Promise.all(
        zaken.map((zaak) =>
          behandelaar<{ identificatie: string; statussen: { statustype: string }[] }>(
            'GET',
            `/api/zaken/${zaak.id}`,
          ),
        ),
      );
      const done = all.every((zaak) =>
        zaak.statussen.some((status) => status.statustype === 'In behandeling'),
      );
      return done ? all : undefined;
    }, 'every zaak to reach In behandeling').catch((error: unknown) => {
      throw new Error(`${String(error)}; workers said:\n${workersSaid}${workers?.output() ?? ''}`);
    });
    // with each status exactly once
    for (const zaak of details) {
      expect(zaak.statussen.map((status) => status.statustype).sort(), zaak.identificatie).toEqual([
        'In behandeling',
        'Ontvangen',
      ]);
    }
    // and one mail per zaak as its recipient counts them: one Message-ID, for that zaak only
    const idsPerZaak = new Map<string, Set<string>>();
    for (const delivery of peer.deliveries) {
      const identificatie = delivery.subject.replace(/^Ontvangen /, '');
      const ids = idsPerZaak.get(identificatie) ?? new Set<string>();
      ids.add(delivery.messageId);
      idsPerZaak.set(identificatie, ids);
    }
    expect([...idsPerZaak.keys()].sort()).toEqual(zaken.map((zaak) => zaak.identificatie).sort());
    for (const [identificatie, ids] of idsPerZaak) {
      expect([...ids], identificatie).toHaveLength(1);
      expect([...ids][0]).toMatch(/^<job-\d+@zaakstroom>$/);
    }
    // and a second transmission only for mails the peer took while the killed worker waited for its 250
    const transmissions = new Map<string, number>();
    for (const { messageId } of peer.deliveries)
      transmissions.set(messageId, (transmissions.get(messageId) ?? 0) + 1);
    const resent = [...transmissions].filter(([, count]) => count > 1);
    for (const [messageId, count] of resent) {
      expect(unacknowledged.has(messageId), messageId).toBe(true);
      expect(count).toBe(2);
    }
    expect(deliveredBeforeKill).toBeLessThan(ZAKEN);
    console.info(
      `worker kill: ${deliveredBeforeKill} mails taken before the kill, ${unacknowledged.size} awaiting their 250, ${resent.length} sent again`,
    );
  });
});
