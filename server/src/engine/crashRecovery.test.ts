import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, startEngineProcess, type EngineProcess } from '../bench/engineProcess.js';
import { zeebeClientFor, type ZeebeClient } from '../platform/zeebeClient.js';
import { openDatabase, type Database } from '../db/database.js';
import { createTestDatabase, type TestDatabase } from '../testing/testDatabase.js';

/**
 * Crash safety: instances are created and worked on by an SDK worker while the engine process
 * is killed with SIGKILL and restarted on the same database. Afterwards every instance has
 * completed exactly once and every job was completed exactly once. Rounds: CRASH_TEST_ROUNDS.
 */
const rounds = Number(process.env.CRASH_TEST_ROUNDS ?? 1);
const INSTANCES = 120;

const process1Xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="crash" targetNamespace="http://zaakstroom.test">
  <bpmn:process id="crash-two-tasks" isExecutable="true">
    <bpmn:startEvent id="start"/>
    <bpmn:serviceTask id="first"><bpmn:extensionElements><zeebe:taskDefinition type="crash-first"/></bpmn:extensionElements></bpmn:serviceTask>
    <bpmn:serviceTask id="second"><bpmn:extensionElements><zeebe:taskDefinition type="crash-second"/></bpmn:extensionElements></bpmn:serviceTask>
    <bpmn:endEvent id="end"/>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="first"/>
    <bpmn:sequenceFlow id="f2" sourceRef="first" targetRef="second"/>
    <bpmn:sequenceFlow id="f3" sourceRef="second" targetRef="end"/>
  </bpmn:process>
</bpmn:definitions>`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('crash recovery (kill -9 of the engine process)', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  for (let round = 1; round <= rounds; round++) {
    it(`round ${round}: every created instance completes exactly once`, { timeout: 240_000 }, async () => {
      // given an engine process on its own database, and a worker completing both job types
      const testDb: TestDatabase | undefined = process.env.TEST_DATABASE_URL ? await createTestDatabase({ migrate: false }) : undefined;
      const dataDir = mkdtempSync(join(tmpdir(), 'zs-crash-'));
      cleanups.push(async () => {
        await testDb?.destroy();
        rmSync(dataDir, { recursive: true, force: true });
      });
      const env = testDb?.url ? { DATABASE_URL: testDb.url } : { DATA_DIR: dataDir };
      const ports = { http: await freePort(), grpc: await freePort() };
      let engine: EngineProcess = await startEngineProcess(env, ports);
      const client: ZeebeClient = zeebeClientFor(engine.gatewayAddress);
      await client.deployResource({ process: Buffer.from(process1Xml), name: 'crash.bpmn' });
      const acknowledged = new Map<string, number>();
      const workers = ['crash-first', 'crash-second'].map((taskType) =>
        client.createWorker({
          taskType,
          maxJobsToActivate: 16,
          timeout: 3_000,
          pollInterval: 100,
          taskHandler: async (job) => {
            const ack = await job.complete({ [`${taskType}-by`]: 'worker' });
            acknowledged.set(job.key, (acknowledged.get(job.key) ?? 0) + 1);
            return ack;
          },
        }),
      );

      // when instances are created under load and the engine is killed halfway
      const created: string[] = [];
      const creator = (async () => {
        for (let n = 0; n < INSTANCES; n++) {
          for (let attempt = 0; attempt < 100; attempt++) {
            try {
              const instance = await client.createProcessInstance({ bpmnProcessId: 'crash-two-tasks', variables: { n } });
              created.push(instance.processInstanceKey);
              break;
            } catch {
              await sleep(200); // the engine is down; try again once it is back
            }
          }
        }
      })();
      while (created.length < INSTANCES / 2) await sleep(20);
      await engine.stop('SIGKILL');
      await sleep(300);
      engine = await startEngineProcess(env, ports);
      await creator;

      // then, once the work has drained, the database shows exactly-once completion
      const db = await waitForCompletion(engine, env, created.length);
      try {
        const instances = (await db('engine_element_instances').where({ element_type: 'PROCESS' })) as { key: string; state: string }[];
        for (const key of created) expect(instances.find((row) => String(row.key) === key)?.state).toBe('COMPLETED');
        expect(instances.every((row) => row.state === 'COMPLETED')).toBe(true);
        const jobs: { key: string; state: string }[] = await db('engine_jobs').select('key', 'state');
        expect(jobs).toHaveLength(instances.length * 2);
        expect(jobs.every((job) => job.state === 'COMPLETED')).toBe(true);
        const completedRecords: { key: string; count: string | number }[] = await db('engine_records')
          .select('key')
          .count('* as count')
          .where({ value_type: 'JOB', intent: 'COMPLETED' })
          .groupBy('key');
        expect(completedRecords).toHaveLength(jobs.length);
        expect(completedRecords.every((row) => Number(row.count) === 1)).toBe(true);
        const processCompletions = (await db('engine_records')
          .count('* as count')
          .where({ value_type: 'PROCESS_INSTANCE', intent: 'ELEMENT_COMPLETED', element_type: 'PROCESS' })
          .first()) as { count: string | number };
        expect(Number(processCompletions.count)).toBe(instances.length);
        // a worker may see its acknowledgement lost in the crash, never a second success
        expect([...acknowledged.values()].every((count) => count === 1)).toBe(true);
      } finally {
        await db.destroy();
        for (const worker of workers) await worker.close();
        await client.close();
        await engine.stop();
      }
    });
  }
});

/**
 * Waits until all created instances have completed, then returns a connection to the engine's
 * database (for PGlite the engine process is stopped first: PGlite has one owner).
 */
async function waitForCompletion(engine: EngineProcess, env: Record<string, string>, expected: number): Promise<Database> {
  for (let waited = 0; waited < 120_000; waited += 500) {
    const response = await fetch(`${engine.httpUrl}/v2/process-instances/search`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ filter: { state: 'ACTIVE' }, page: { limit: 1 } }),
    });
    const body = (await response.json()) as { page?: { totalItems?: number } };
    const completedResponse = await fetch(`${engine.httpUrl}/v2/process-instances/search`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ filter: { state: 'COMPLETED' }, page: { limit: 1 } }),
    });
    const completed = (await completedResponse.json()) as { page?: { totalItems?: number } };
    if (body.page?.totalItems === 0 && (completed.page?.totalItems ?? 0) >= expected) break;
    await sleep(500);
  }
  if (env.DATABASE_URL) return openDatabase({ url: env.DATABASE_URL, dataDir: '' });
  await engine.stop();
  return openDatabase({ dataDir: env.DATA_DIR! });
}
