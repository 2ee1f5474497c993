import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startEngineProcess, type EngineProcess } from '../bench/engineProcess.js';
import { startServerProcess, type ServerProcess } from '../bench/serverProcess.js';
import {
  externalEngineSettings,
  processStores,
  type ProcessStore,
} from '../testing/processStores.js';
import { methodSession as session } from '../bench/apiSession.js';
import { publishTestZaaktype } from '../testing/testZaaktype.js';
import { untilWith } from '../testing/until.js';

const ZAKEN = 30;
const until = untilWith({ timeoutMs: 60_000, intervalMs: 250 });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Two user tasks in a row: the task list creates and completes tasks through the engine. */
const model = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="ek" targetNamespace="http://zaakstroom.test">
  <bpmn:process id="engine-kill" name="Engine kill" isExecutable="true">
    <bpmn:startEvent id="start"/>
    <bpmn:userTask id="beoordelen" name="Beoordelen"><bpmn:extensionElements><zeebe:assignmentDefinition candidateGroups="team-openbare-ruimte"/></bpmn:extensionElements></bpmn:userTask>
    <bpmn:userTask id="afhandelen" name="Afhandelen"><bpmn:extensionElements><zeebe:assignmentDefinition candidateGroups="team-openbare-ruimte"/></bpmn:extensionElements></bpmn:userTask>
    <bpmn:endEvent id="end"/>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="beoordelen"/>
    <bpmn:sequenceFlow id="f2" sourceRef="beoordelen" targetRef="afhandelen"/>
    <bpmn:sequenceFlow id="f3" sourceRef="afhandelen" targetRef="end"/>
  </bpmn:process>
</bpmn:definitions>`;

interface TaakRow {
  id: string;
  name: string;
  zaakId: string | null;
  state: string;
  jobKey: string;
  elementInstanceKey: string;
}

/**
 * Issue #6, acceptance 5: the server runs against an engine process (ZEEBE_ADDRESS), which is
 * killed with SIGKILL and restarted on its own database while zaken start and their user tasks are
 * created and completed. Afterwards each user task is in /api/taken exactly once, completed, and
 * every process has finished. The two windows a kill rarely hits (a completion or an activation
 * committed whose answer was lost) are pinned down in modules/taken/taskReconciler.e2e.test.ts.
 */
describe('killing the engine process while user tasks come and go', { timeout: 150_000 }, () => {
  let engine: EngineProcess;
  let engineEnv: Record<string, string>;
  let enginePorts: { http: number; grpc: number };
  let server: ServerProcess & { url: string };
  let storage: Awaited<ReturnType<typeof processStores>>;

  beforeAll(async () => {
    // Each process has storage of its own: PostgreSQL databases, or PGlite data dirs.
    storage = await processStores('engine-kill', 2);
    const [engineStore, serverStore] = storage.stores as [ProcessStore, ProcessStore];
    engineEnv = {
      ...engineStore.env,
      ENGINE_CLOCK_CONTROL: 'true',
    };
    enginePorts = { http: await freePort(), grpc: await freePort() };
    engine = await startEngineProcess(engineEnv, enginePorts);
    server = await startServerProcess({
      ...serverStore.env,
      ...externalEngineSettings(engine),
      WORKER_CLIENT_SECRET: 'engine-kill-test-secret-0123456789abcdef',
      TASK_RECONCILE_INTERVAL_SECONDS: '1',
    });
    await publishTestZaaktype(server.url, 'engine-kill', model);
  }, 180_000);

  afterAll(async () => {
    server?.kill();
    await server?.exited;
    await engine?.stop();
    await storage?.cleanup();
  });

  it('keeps every user task exactly once and finishes every process', async () => {
    const behandelaar = await session(server.url, 'behandelaar2');
    const coordinator = await session(server.url, 'coordinator');
    // given a behandelaar working through the group's tasks, retrying whatever fails while the engine is down
    const zaakIds = new Set<string>();
    let completed = 0;
    let completing = 0;
    const inFlightAtKills: number[] = [];
    let working = true;
    let killDuringCompletion = false;
    let secondKill: Promise<void> | undefined;
    const finish = async (taak: TaakRow) => {
      try {
        if (taak.state === 'open') await behandelaar('POST', `/api/taken/${taak.id}/claim`, {});
      } catch {
        return; // tried again next round
      }
      completing++;
      const completion = behandelaar('POST', `/api/taken/${taak.id}/complete`, {
        variables: { gezien: true },
      });
      // The second kill goes out while this completion is on its way to the engine.
      if (killDuringCompletion && completed >= ZAKEN / 2) {
        killDuringCompletion = false;
        secondKill = restartEngine();
      }
      try {
        await completion;
        completed++;
      } catch {
        // the engine was away too long: the task stays claimed and is tried again next round
      } finally {
        completing--;
      }
    };
    const work = (async () => {
      while (working) {
        const open = await behandelaar<{ taken: TaakRow[] }>(
          'GET',
          '/api/taken?scope=group&state=open,claimed&limit=200',
        ).catch(() => ({ taken: [] as TaakRow[] }));
        const ours = open.taken.filter((taak) => taak.zaakId && zaakIds.has(taak.zaakId));
        await Promise.all(ours.slice(0, 6).map(finish));
        await sleep(ours.length === 0 ? 200 : 0);
      }
    })();
    const restartEngine = async () => {
      inFlightAtKills.push(completing);
      await engine.stop('SIGKILL');
      await sleep(300);
      engine = await startEngineProcess(engineEnv, enginePorts);
    };

    // when zaken start their processes (the platform's outbox hands them to the engine), and the
    // engine is killed halfway through and restarted
    for (let n = 0; n < ZAKEN; n++) {
      if (n === ZAKEN / 2) await restartEngine();
      const zaak = await behandelaar<{ id: string }>(
        'POST',
        '/api/zaken',
        {
          zaaktype: 'engine-kill',
          omschrijving: `Melding ${n}`,
          initiator: { type: 'natuurlijk_persoon', bsn: '999993653', naam: 'Jan Jansen' },
        },
        { 'Idempotency-Key': `engine-kill-${n}` },
      );
      zaakIds.add(zaak.id);
    }
    // and once more while tasks are being completed and the next ones created
    killDuringCompletion = true;
    await until(async () => (secondKill ? true : undefined), 'the second kill');
    await secondKill;
    const completedBeforeSecondKill = completed;
    // A user-task activation the engine committed but never answered comes back when its short
    // activation lock (five minutes) ends: move the restarted engine's clock past it.
    await fetch(`${engine.httpUrl}/v2/clock/add`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ duration: 'PT6M' }),
    }).then((response) => expect(response.status).toBe(200));

    // then every zaak ends with both its tasks completed, each once
    const tasksOf = (zaakId: string) =>
      coordinator<{ taken: TaakRow[] }>(
        'GET',
        `/api/taken?scope=all&state=open,claimed,completed,cancelled&zaakId=${zaakId}`,
      ).then((page) => page.taken);
    const finished = await until(
      async () => {
        const all = await Promise.all([...zaakIds].map(tasksOf));
        const settled = (taken: TaakRow[]) =>
          taken.length >= 2 &&
          taken.every((taak) => ['completed', 'cancelled'].includes(taak.state));
        return all.every(settled) ? all : undefined;
      },
      'both tasks of every zaak to be done',
      90_000,
    );
    working = false;
    await work;
    for (const taken of finished) {
      expect(taken.map((taak) => `${taak.name}:${taak.state}`).sort()).toEqual([
        'Afhandelen:completed',
        'Beoordelen:completed',
      ]);
    }
    const all = finished.flat();
    expect(new Set(all.map((taak) => taak.jobKey)).size).toBe(ZAKEN * 2);
    expect(new Set(all.map((taak) => taak.elementInstanceKey)).size).toBe(ZAKEN * 2);
    // and the engine has finished every process
    for (const zaakId of zaakIds) {
      const { processInstanceKey } = await behandelaar<{ processInstanceKey: string }>(
        'GET',
        `/api/zaken/${zaakId}`,
      );
      const instance = await until(async () => {
        const response = await fetch(
          `${engine.httpUrl}/v2/process-instances/${processInstanceKey}`,
        );
        const body = (await response.json()) as { state?: string };
        return body.state === 'COMPLETED' ? body : undefined;
      }, `process instance ${processInstanceKey} to complete`);
      expect(instance.state).toBe('COMPLETED');
    }
    console.info(
      `engine kill: ${completedBeforeSecondKill} of ${ZAKEN * 2} tasks completed at the second kill; completions in flight at the kills: ${inFlightAtKills.join(', ')}`,
    );
  });
});
