import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import express from 'express';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GatewayHarness } from '../../engine/gateway/grpc/testing/gatewayHarness.js';
import { engineRestRouter } from '../../engine/gateway/rest/router.js';
import { engineRestClient } from '../../platform/engineRestClient.js';
import { createTestDatabase, type TestDatabase } from '../../testing/testDatabase.js';
import { TakenService } from './service.js';
import { jobStateFrom, reconcileOpenTasks } from './taskReconciler.js';
import { findTaak } from './takenRepository.js';
import { USER_TASK_JOB_TYPE } from './userTaskJob.js';
import { fiveMinutesMs, startUserTaskWorker } from './userTaskWorker.js';
import { untilWith } from '../../testing/until.js';

const bpmn = readFileSync(new URL('./fixtures/takenFlow.bpmn', import.meta.url));

const until = untilWith();

describe('task reconciler: tasks the engine cancelled leave the task list', () => {
  let harness: GatewayHarness;
  let platformDb: TestDatabase;
  let rest: Server;
  let service: TakenService;
  let worker: { close(): Promise<void> };
  let engine: ReturnType<typeof engineRestClient>;

  beforeAll(async () => {
    harness = await GatewayHarness.start();
    platformDb = await createTestDatabase();
    // The engine's REST v2 API on a port of its own, as a cluster offers it.
    const app = express()
      .use(express.json())
      .use(
        engineRestRouter({
          db: harness.db,
          engine: harness.engine,
          clock: harness.engine.clock,
          clockControl: false,
          logger: pino({ level: 'silent' }),
        }),
      );
    rest = await new Promise<Server>((resolve) => {
      const server = app.listen(0, '127.0.0.1', () => resolve(server));
    });
    const url = `http://127.0.0.1:${(rest.address() as AddressInfo).port}`;
    engine = engineRestClient(() => url);
    service = new TakenService({ db: platformDb.db, engine: harness.zeebe });
    worker = startUserTaskWorker({
      zeebe: harness.zeebe,
      service,
      logger: pino({ level: 'silent' }),
      longPollMs: 200,
    });
    await harness.zeebe.deployResource({ process: bpmn, name: 'takenFlow.bpmn' });
  });
  afterAll(async () => {
    await worker.close();
    await new Promise((resolve) => rest.close(resolve));
    await platformDb.destroy();
    await harness.stop();
  });

  async function openTask(zaakId: string) {
    const instance = await harness.zeebe.createProcessInstance({
      bpmnProcessId: 'takenFlow',
      variables: { zaak: { id: zaakId, identificatie: zaakId } },
    });
    const row = await until(
      async () =>
        (await platformDb
          .db('taken')
          .where({ process_instance_key: instance.processInstanceKey })
          .first()) as { id: string } | undefined,
      'the task to be stored',
    );
    return { taakId: row.id, processInstanceKey: instance.processInstanceKey };
  }

  it('given a cancelled process instance, then its task is closed as cancelled; a live task stays open', async () => {
    // given two open tasks, one of whose process instances is cancelled
    const gone = await openTask('zaak-weg');
    const live = await openTask('zaak-blijft');
    await harness.zeebe.cancelProcessInstance(gone.processInstanceKey);
    // when the reconciler runs (in batches of one, to cross a batch boundary)
    const closed = await reconcileOpenTasks({ db: platformDb.db, service, engine, batchSize: 1 });
    // then only the cancelled one is closed, with an end time and an audit entry
    expect(closed).toEqual([gone.taakId]);
    const cancelled = await findTaak(platformDb.db, gone.taakId);
    expect(cancelled?.state).toBe('cancelled');
    expect(cancelled?.endedAt).toBeInstanceOf(Date);
    expect((await findTaak(platformDb.db, live.taakId))?.state).toBe('open');
    const audit = await platformDb
      .db('audit_trail')
      .where({ resource_id: gone.taakId, action: 'taak.geannuleerd' });
    expect(audit).toHaveLength(1);
    // and a second round has nothing left to do
    expect(await reconcileOpenTasks({ db: platformDb.db, service, engine })).toEqual([]);
  });

  /** The engine completed the job, but the answer to CompleteJob was lost (an engine restart). */
  async function completedWithAnswerLost(zaakId: string) {
    const task = await openTask(zaakId);
    await service.claim(behandelaar, task.taakId);
    const taak = await findTaak(platformDb.db, task.taakId);
    await harness.zeebe.completeJob({ jobKey: taak!.jobKey, variables: { besluit: 'ja' } });
    return task;
  }

  it('given a job the engine completed past the task list, then its task is closed as completed, not cancelled', async () => {
    const task = await completedWithAnswerLost('zaak-elders-afgerond');
    // when the reconciler runs
    expect(await reconcileOpenTasks({ db: platformDb.db, service, engine })).toEqual([task.taakId]);
    // then the task is completed, and the trail says so
    expect((await findTaak(platformDb.db, task.taakId))?.state).toBe('completed');
    const audit = await platformDb
      .db('audit_trail')
      .where({ resource_id: task.taakId })
      .pluck('action');
    expect(audit).toContain('taak.afgerond');
    expect(audit).not.toContain('taak.geannuleerd');
  });

  it('given a completion whose answer was lost, when the behandelaar completes again, then the task is completed with their data', async () => {
    const task = await completedWithAnswerLost('zaak-antwoord-kwijt');
    // when the same behandelaar tries again (the engine now answers NOT_FOUND)
    const withJobState = new TakenService({
      db: platformDb.db,
      engine: harness.zeebe,
      jobState: jobStateFrom(engine),
    });
    const completed = await withJobState.complete(behandelaar, task.taakId, { besluit: 'ja' });
    // then the task is completed by them, not closed as cancelled with a conflict
    expect(completed).toMatchObject({
      state: 'completed',
      endedBy: 'behandelaar',
      result: { besluit: 'ja' },
    });
  });

  it('given a user-task job whose activation never reached the task list, then the engine offers it again after the short activation lock and it is stored once', async () => {
    // given the engine activated a user task with the worker's short lock, but its answer was lost
    // (the engine or the server died in between)
    await worker.close();
    const instance = await harness.zeebe.createProcessInstance({
      bpmnProcessId: 'takenFlow',
      variables: { zaak: { id: 'zaak-kwijt', identificatie: 'zaak-kwijt' } },
    });
    const [lost] = await harness.zeebe.activateJobs({
      type: USER_TASK_JOB_TYPE,
      worker: 'answer-lost',
      maxJobsToActivate: 10,
      timeout: fiveMinutesMs,
      requestTimeout: 5_000,
    });
    expect(lost?.processInstanceKey).toBe(instance.processInstanceKey);
    worker = startUserTaskWorker({
      zeebe: harness.zeebe,
      service,
      logger: pino({ level: 'silent' }),
      longPollMs: 200,
    });
    // when the short lock runs out (minutes, not the weeks of the stored task's lock)
    harness.engine.clock.add(fiveMinutesMs + 60_000);
    // then the worker activates it again and the task list has it, once
    await until(
      async () =>
        (await platformDb.db('taken').where({ job_key: lost!.key }).first()) as object | undefined,
      'the task to be stored',
    );
    const stored = (await platformDb.db('taken').where({ job_key: lost!.key })) as {
      state: string;
    }[];
    expect(stored).toHaveLength(1);
    expect(stored[0]?.state).toBe('open');
  });
});

const behandelaar = {
  username: 'behandelaar',
  roles: ['behandelaar'],
  groups: ['team-vergunningen'],
  actor: { type: 'user' as const, id: 'behandelaar', name: 'behandelaar' },
};
