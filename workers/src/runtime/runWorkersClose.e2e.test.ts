import { readFileSync } from 'node:fs';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The real engine and gRPC gateway from the server workspace (tests only; the product code never imports it).
import { GatewayHarness } from '../../../server/src/engine/gateway/grpc/testing/gatewayHarness.js';
import { complete, type JobHandler } from './jobOutcome.js';
import { runWorkers } from './runWorkers.js';

const bpmn = readFileSync(new URL('./fixtures/runWorkersClose.bpmn', import.meta.url));

/** The handler under test uses neither the platform nor mail; touching them is a test failure. */
const unused = {
  request: () => Promise.reject(new Error('the platform is not part of this test')),
  send: () => Promise.reject(new Error('mail is not part of this test')),
};

async function until(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A promise with its resolve function, to hold a handler mid-job and let it go later. */
function gate<T = void>() {
  let open!: (value: T) => void;
  const opened = new Promise<T>((resolve) => (open = resolve));
  return { open, opened };
}

describe('runWorkers close() with the real engine and SDK client', () => {
  let harness: GatewayHarness;

  /** ActivateJobs calls of close.slow waiting in the gateway right now (each watches for new jobs). */
  let waitingPolls = 0;

  beforeAll(async () => {
    harness = await GatewayHarness.start();
    const watch = harness.engine.onJobsAvailable.bind(harness.engine);
    harness.engine.onJobsAvailable = (type, listener) => {
      if (type !== 'close.slow') return watch(type, listener);
      waitingPolls += 1;
      const unwatch = watch(type, listener);
      return () => {
        waitingPolls -= 1;
        unwatch();
      };
    };
    await harness.zeebe.deployResource({ process: bpmn, name: 'runWorkersClose.bpmn' });
  });
  afterAll(async () => {
    await harness.stop();
  });

  const jobOf = async (processInstanceKey: string) =>
    (await harness
      .db('engine_jobs')
      .where({ process_instance_key: processInstanceKey })
      .first()) as { key: string; state: string; worker: string | null } | undefined;

  it('given a handler mid-job, when close() is called, then the job completes before close() resolves and no new job is taken', async () => {
    const entered = gate<string>();
    const release = gate();
    const handled: string[] = [];
    const slow: JobHandler = async (_variables, _headers, deps) => {
      handled.push(deps.job.processInstanceKey);
      entered.open(deps.job.processInstanceKey);
      await release.opened;
      return complete({ handled: true });
    };
    // Room for more jobs, so that a long poll is open while the first job runs.
    const workers = runWorkers({
      zeebe: harness.zeebe,
      platform: unused,
      mail: unused,
      logger: pino({ level: 'silent' }),
      handlers: { 'close.slow': slow },
      concurrency: 4,
      longPollMs: 20_000,
    });

    const first = await harness.zeebe.createProcessInstance({ bpmnProcessId: 'runWorkersClose' });
    expect(await entered.opened).toBe(first.processInstanceKey);
    // The worker has room for more, so it keeps a long poll open while the first job runs.
    await until(() => waitingPolls > 0, 'a long poll of the running worker');

    let closed = false;
    const closing = workers.close().then(() => (closed = true));
    const second = await harness.zeebe.createProcessInstance({ bpmnProcessId: 'runWorkersClose' });
    expect(closed).toBe(false);

    release.open();
    await closing;

    // The running job was completed in the engine before close() resolved.
    expect(await jobOf(first.processInstanceKey)).toMatchObject({ state: 'COMPLETED' });
    const completed = await harness
      .db('engine_records')
      .where({
        process_instance_key: first.processInstanceKey,
        element_id: 'done',
        intent: 'ELEMENT_COMPLETED',
      })
      .first();
    expect(completed).toBeDefined();

    // The job created after close() started was neither handled nor locked by the closing worker:
    // another worker can take it at once.
    expect(handled).toEqual([first.processInstanceKey]);
    expect(await jobOf(second.processInstanceKey)).toMatchObject({
      state: 'ACTIVATABLE',
      worker: null,
    });
    const jobs = await harness.zeebe.activateJobs({
      type: 'close.slow',
      worker: 'after-close',
      maxJobsToActivate: 5,
      timeout: 60_000,
      requestTimeout: -1,
    });
    expect(jobs.map((job) => job.processInstanceKey)).toEqual([second.processInstanceKey]);
  });
});
