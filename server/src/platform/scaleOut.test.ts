import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEngineProcess, type EngineProcess } from '../bench/engineProcess.js';
import { startServerProcess, type ServerProcess } from '../bench/serverProcess.js';
import { startWorkersProcess, type WorkersProcess } from '../bench/workersProcess.js';
import { openDatabase, type Database } from '../db/database.js';
import { apiSession } from '../bench/apiSession.js';
import { externalEngineSettings } from '../testing/processStores.js';
import { startSmtpPeer, type SmtpPeer } from '../testing/smtpPeer.js';
import { createTestDatabase, type TestDatabase } from '../testing/testDatabase.js';
import { untilWith } from '../testing/until.js';

/**
 * Acceptance 2 of the scale-out issue: two server processes and two worker processes against
 * one platform database and one engine process (standing in for a Zeebe cluster). 500 meldingen
 * run through two user tasks and a terugmelding e-mail, while server B is killed halfway. In
 * production a load balancer sends users and workers to a live server; here the test does that
 * (users retry on A, both workers call A). PGlite is one process's database, so this runs in
 * the PostgreSQL pass only.
 */
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
const ZAKEN = Number(process.env.SCALE_OUT_ZAKEN ?? 500);
const secret = 'scale-out-test-secret-of-at-least-32-characters';
const waitMs = Number(process.env.SCALE_OUT_WAIT_MS ?? 300_000);
const until = untilWith({ timeoutMs: waitMs, intervalMs: 500 });

type Api = Awaited<ReturnType<typeof apiSession>>;
interface TaakRow {
  id: string;
  name: string;
}

describe.skipIf(!onPostgres)(
  'two servers and two worker processes on one engine',
  { timeout: 900_000 },
  () => {
    let engineDb: TestDatabase;
    let platformDb: TestDatabase;
    let platform: Database;
    let engineTables: Database;
    let smtp: SmtpPeer;
    let engine: EngineProcess;
    let dataDir: string;
    const servers: (ServerProcess & { url: string })[] = [];
    const workers: WorkersProcess[] = [];

    beforeAll(async () => {
      [engineDb, platformDb] = [
        await createTestDatabase({ migrate: false }),
        await createTestDatabase({ migrate: false }),
      ];
      dataDir = await mkdtemp(join(tmpdir(), 'zs-scale-out-'));
      smtp = await startSmtpPeer();
      engine = await startEngineProcess({
        DATABASE_URL: engineDb.url!,
        DATA_DIR: join(dataDir, 'engine'),
        ENGINE_CLOCK_CONTROL: 'true',
      });
      const cluster = {
        ...externalEngineSettings(engine),
        WORKER_CLIENT_ID: 'zaakstroom-workers',
        WORKER_CLIENT_SECRET: secret,
        SMTP_URL: smtp.url,
      };
      const serverSettings = {
        ...cluster,
        DATABASE_URL: platformDb.url!,
        DATA_DIR: join(dataDir, 'shared'),
        WORKERS_IN_PROCESS: 'false',
        TASK_RECONCILE_INTERVAL_SECONDS: '5',
      };
      // One after the other: the first migrates, seeds and deploys; the second finds it done.
      servers.push(await startServerProcess(serverSettings, 180_000));
      servers.push(await startServerProcess(serverSettings, 180_000));
      for (let i = 0; i < 2; i++)
        workers.push(startWorkersProcess({ ...cluster, PLATFORM_URL: servers[0]!.url }));
      platform = openDatabase({ url: platformDb.url, dataDir: 'memory://', poolMax: 2 });
      engineTables = openDatabase({ url: engineDb.url, dataDir: 'memory://', poolMax: 1 });
    }, 400_000);

    afterAll(async () => {
      for (const worker of workers) await worker.stop();
      for (const server of servers) server.kill();
      await Promise.all(servers.map((server) => server.exited));
      await engine?.stop();
      await platform?.destroy();
      await engineTables?.destroy();
      await smtp?.close();
      await engineDb?.destroy();
      await platformDb?.destroy();
      await rm(dataDir, { recursive: true, force: true });
    });

    it(`runs ${ZAKEN} zaken exactly once each while server B is killed halfway`, async () => {
      const [a, b] = servers as [ServerProcess & { url: string }, ServerProcess & { url: string }];
      let bAlive = true;
      const intake = {
        a: await apiSession(a.url, 'coordinator'),
        b: await apiSession(b.url, 'coordinator'),
      };
      const handlers = {
        a: await apiSession(a.url, 'behandelaar2'),
        b: await apiSession(b.url, 'coordinator'),
        bOnA: await apiSession(a.url, 'coordinator'),
      };

      // Zaken arrive on both servers; a request that B never answers is sent again to A, with the
      // same Idempotency-Key, as a client behind a load balancer does.
      let created = 0;
      const createZaak = async (i: number) => {
        const body = {
          zaaktype: 'melding-openbare-ruimte',
          omschrijving: `Melding ${i}`,
          initiator: {
            type: 'natuurlijk_persoon',
            bsn: '999993653',
            naam: `Melder ${i}`,
            email: `melder-${i}@voorbeeld.nl`,
          },
        };
        const headers = { 'Idempotency-Key': `scale-out-${i}` };
        if (i % 2 === 1 && bAlive) {
          try {
            await intake.b('/api/zaken', body, headers);
            return;
          } catch {
            // B is gone (or going): A takes the same request.
          }
        }
        await intake.a('/api/zaken', body, headers);
      };
      const intakeDone = runPool(ZAKEN, 8, async (i) => {
        await createZaak(i);
        created++;
        if (created === Math.floor(ZAKEN / 2) && bAlive) {
          bAlive = false;
          b.kill();
        }
      });

      // Two behandelaars work the queue, one on each server, until every zaak is closed; after B
      // dies its user goes on at A.
      const openZaken = async () =>
        Number(
          (
            (await platform('zaken').whereNull('einddatum').count({ open: '*' }).first()) as {
              open: string;
            }
          ).open,
        );
      let finished = false;
      const work = async (who: () => Api) => {
        const giveUpAt = Date.now() + waitMs;
        while (!finished && Date.now() < giveUpAt) {
          let page: { taken: TaakRow[] };
          try {
            page = await who()<{ taken: TaakRow[] }>('/api/taken?scope=group&limit=50');
          } catch {
            continue; // the server went away between two calls: who() answers with the live one now
          }
          if (page.taken.length === 0) await sleep(250);
          await runPool(page.taken.length, 4, (i) => handleTask(who(), page.taken[i]!));
        }
      };
      const working = Promise.all([
        work(() => handlers.a),
        work(() => (bAlive ? handlers.b : handlers.bOnA)),
      ]);
      await intakeDone;
      // User-task jobs that B activated but had not stored yet come back when their short
      // activation lock (five minutes) ends: once the rest has settled, move the engine clock past
      // it rather than wait. Settled: no task open and no worker job running, so the jump expires
      // no job a worker is busy with.
      await until(async () => {
        const openTasks = await platform('taken')
          .whereIn('state', ['open', 'claimed'])
          .count({ n: '*' })
          .first();
        const running = await engineTables('engine_jobs')
          .where({ state: 'ACTIVATED' })
          .whereNot({ type: 'io.camunda.zeebe:userTask' })
          .count({ n: '*' })
          .first();
        return Number(openTasks?.n) === 0 && Number(running?.n) === 0 ? true : undefined;
      }, 'the work to settle');
      if ((await openZaken()) > 0)
        await fetch(`${engine.httpUrl}/v2/clock/add`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ duration: 'PT6M' }),
        });
      await until(async () => ((await openZaken()) === 0 ? true : undefined), 'all zaken to close')
        .catch(async (error: unknown) => {
          console.log(
            await diagnose(platform, engineTables),
            workers.map((w) => w.output()).join('\n'),
          );
          throw error;
        })
        .finally(() => (finished = true));
      await working;

      // then every zaak closed once; each melder got the ontvangstbevestiging (sent by a server)
      // and the terugmelding (sent by a worker) exactly once
      expect(Number((await platform('zaken').count({ n: '*' }).first())?.n)).toBe(ZAKEN);
      for (const subject of ['Wij hebben uw aanvraag ontvangen', 'Uw melding']) {
        await until(
          async () => (mailedMelders(smtp, subject).length >= ZAKEN ? true : undefined),
          `the mails "${subject}"`,
        ).catch((error: unknown) => {
          console.log(smtp.received.slice(0, 4).map((mail) => mail.raw.slice(0, 600)));
          throw error;
        });
        await sleep(1000); // a late double would arrive now
        const melders = mailedMelders(smtp, subject);
        expect(melders, subject).toHaveLength(ZAKEN);
        expect(new Set(melders).size, subject).toBe(ZAKEN);
      }

      // and no status twice, no task lost or doubled, one process instance per zaak
      const doubleStatus = await platform('zaak_statussen')
        .select('zaak_id', 'statustype_omschrijving')
        .groupBy('zaak_id', 'statustype_omschrijving')
        .havingRaw('count(*) > 1');
      expect(doubleStatus).toEqual([]);
      const statusCounts = await platform('zaak_statussen')
        .select('statustype_omschrijving')
        .count({ n: '*' })
        .groupBy('statustype_omschrijving');
      for (const row of statusCounts)
        expect(Number(row.n), String(row.statustype_omschrijving)).toBe(ZAKEN);
      interface TaskCount {
        element_id: string;
        state: string;
        n: string;
      }
      const taskCounts: TaskCount[] = await platform('taken')
        .select('element_id', 'state')
        .count({ n: '*' })
        .groupBy('element_id', 'state');
      const tasks = taskCounts.map((row) => [row.element_id, row.state, Number(row.n)]);
      expect(tasks.sort()).toEqual([
        ['MeldingAfhandelen', 'completed', ZAKEN],
        ['MeldingBeoordelen', 'completed', ZAKEN],
      ]);
      const instances = await platform('zaken')
        .countDistinct({ n: 'process_instance_key' })
        .first();
      expect(Number(instances?.n)).toBe(ZAKEN);
      const roots = await engineTables('engine_element_instances')
        .where({
          element_type: 'PROCESS',
          bpmn_process_id: 'melding-openbare-ruimte',
          state: 'COMPLETED',
        })
        .count({ n: '*' })
        .first();
      expect(Number(roots?.n)).toBe(ZAKEN);
    });
  },
);

/** What is stuck where, for a failure message. */
async function diagnose(platform: Database, engineTables: Database): Promise<string> {
  return JSON.stringify(
    {
      outbox: await platform('zaak_process_outbox')
        .select('state')
        .count({ n: '*' })
        .groupBy('state'),
      taken: await platform('taken')
        .select('element_id', 'state')
        .count({ n: '*' })
        .groupBy('element_id', 'state'),
      active: await engineTables('engine_element_instances')
        .where({ state: 'ACTIVE' })
        .select('element_id')
        .count({ n: '*' })
        .groupBy('element_id'),
      jobs: await engineTables('engine_jobs')
        .select('type', 'state')
        .count({ n: '*' })
        .groupBy('type', 'state'),
      incidents: await engineTables('engine_incidents').select('error_message').limit(5),
    },
    null,
    1,
  );
}

/** Claims and completes one task; a task another behandelaar took first is left to them. */
async function handleTask(api: Api, taak: TaakRow): Promise<void> {
  const variables =
    taak.name === 'Melding beoordelen'
      ? { categorie: 'groen', spoed: false }
      : { uitkomst: 'opgelost', terugmelding: 'De melding is opgelost.' };
  try {
    await api(`/api/taken/${taak.id}/claim`, {});
    await api(`/api/taken/${taak.id}/complete`, { variables });
  } catch {
    // claimed by the other behandelaar, already completed, or the server went away: next task
  }
}

/** The melders who received a mail whose subject starts with `subject`, once per mail. */
function mailedMelders(smtp: SmtpPeer, subject: string): string[] {
  return smtp.received
    .filter((mail) => mail.subject.startsWith(subject))
    .flatMap((mail) => mail.to)
    .filter((to) => /^melder-\d+@/.test(to));
}

/** Runs task(0 … count-1) with at most `parallel` at a time. */
async function runPool(
  count: number,
  parallel: number,
  task: (i: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(parallel, count) }, async () => {
      while (next < count) await task(next++);
    }),
  );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
