import { setTimeout as sleep } from 'node:timers/promises';
import { status } from '@grpc/grpc-js';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createEngine } from '../../engine.js';
import { fixture, GatewayHarness } from './testing/gatewayHarness.js';

const containing = (text: string): unknown => expect.stringContaining(text);

/** Waiting activations look again every 3 s; anything faster than that came from a wake-up. */
const RETRY_INTERVAL_MS = 3_000;

describe('job activation and job commands through the gRPC gateway', () => {
  let harness: GatewayHarness;

  beforeAll(async () => {
    harness = await GatewayHarness.start({ activationRetryIntervalMs: RETRY_INTERVAL_MS });
  });
  afterAll(() => harness.stop());

  /** Deploys the jobs fixture under its own process id and job types. */
  async function deployJobs(suffix: string) {
    const deployed = fixture('jobs', suffix);
    await harness.zeebe.deployResource({ process: deployed.content, name: `jobs-${suffix}.bpmn` });
    const start = async (variables: Record<string, string | number | Record<string, string>> = {}) =>
      (await harness.zeebe.createProcessInstance({ bpmnProcessId: deployed.processId, variables })).processInstanceKey;
    const activate = (type = 'gateway-jobs-work', requestTimeout = -1) =>
      harness.zeebe.activateJobs({ type: deployed.jobType(type), worker: 'jobs-test', maxJobsToActivate: 10, timeout: 60_000, requestTimeout });
    return { ...deployed, start, activate };
  }

  it('answers NOT_FOUND when completing a job that does not exist', async () => {
    await expect(harness.zeebe.completeJob({ jobKey: '2251799813699999', variables: {} })).rejects.toMatchObject({
      code: status.NOT_FOUND,
      details: containing('2251799813699999'),
    });
  });

  it('activates a job with its variables, custom headers and deadline', async () => {
    const process = await deployJobs('activate');
    const processInstanceKey = await process.start({ zaak: { nummer: 'ZAAK-7' } });
    const before = Date.now();
    const [job, ...others] = await process.activate();
    expect(others).toEqual([]);
    expect(job).toMatchObject({
      type: process.jobType('gateway-jobs-work'),
      processInstanceKey,
      bpmnProcessId: process.processId,
      elementId: 'work',
      worker: 'jobs-test',
      retries: 3,
      variables: { zaak: { nummer: 'ZAAK-7' } },
      customHeaders: { purpose: 'testing' },
    });
    expect(Number(job?.deadline)).toBeGreaterThanOrEqual(before + 59_000);
  });

  it('activates with only the variables asked for in fetchVariable', async () => {
    const process = await deployJobs('fetchVariable');
    await process.start({ wanted: 1, unwanted: 2 });
    const jobs = await harness.zeebe.activateJobs({
      type: process.jobType('gateway-jobs-work'),
      worker: 'jobs-test',
      maxJobsToActivate: 1,
      timeout: 60_000,
      requestTimeout: -1,
      fetchVariable: ['wanted'],
    });
    expect(jobs.map((job) => job.variables)).toEqual([{ wanted: 1 }]);
  });

  it('long polling: returns a job created after the ActivateJobs call started', async () => {
    const process = await deployJobs('longPoll');
    const activation = process.activate('gateway-jobs-work', 20_000);
    await sleep(300);
    const created = Date.now();
    const processInstanceKey = await process.start();
    const jobs = await activation;
    expect(jobs.map((job) => job.processInstanceKey)).toEqual([processInstanceKey]);
    // Woken by the engine after the commit, not found by the periodic retry.
    expect(Date.now() - created).toBeLessThan(RETRY_INTERVAL_MS - 1_000);
  });

  it('long polling: ends empty after requestTimeout, at once with requestTimeout -1', async () => {
    const process = await deployJobs('empty');
    let started = Date.now();
    await expect(process.activate('gateway-jobs-work', -1)).resolves.toEqual([]);
    expect(Date.now() - started).toBeLessThan(500);
    started = Date.now();
    await expect(process.activate('gateway-jobs-work', 400)).resolves.toEqual([]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(390);
  });

  it('long polling: sees jobs made by another server process on the same database', async () => {
    const process = await deployJobs('otherProcess');
    const activation = process.activate('gateway-jobs-work', 20_000);
    await sleep(200);
    const otherServer = createEngine({ db: harness.db, logger: pino({ level: 'silent' }) });
    const { processInstanceKey } = await otherServer.createProcessInstance({ bpmnProcessId: process.processId });
    await otherServer.close();
    const jobs = await activation;
    expect(jobs.map((job) => job.processInstanceKey)).toEqual([processInstanceKey]);
  });

  it('a cancelled long poll takes no job with it', async () => {
    const process = await deployJobs('cancelledPoll');
    const call = harness.raw.open('ActivateJobs', {
      type: process.jobType('gateway-jobs-work'),
      worker: 'gone',
      timeout: 60_000,
      maxJobsToActivate: 1,
      requestTimeout: 20_000,
    });
    call.on('error', () => {});
    await sleep(200);
    call.cancel();
    await sleep(100);
    const processInstanceKey = await process.start();
    const jobs = await process.activate('gateway-jobs-work', 5_000);
    expect(jobs.map((job) => [job.processInstanceKey, job.worker])).toEqual([[processInstanceKey, 'jobs-test']]);
  });

  it('a ZBWorker from createWorker completes jobs', async () => {
    const process = await deployJobs('worker');
    const worker = harness.zeebe.createWorker({
      taskType: process.jobType('gateway-jobs-work'),
      taskHandler: (job) => job.complete({ handledBy: 'worker', doubled: Number(job.variables.n) * 2 }),
    });
    try {
      const results = await Promise.all(
        [1, 2, 3].map((n) =>
          harness.zeebe.createProcessInstanceWithResult({ bpmnProcessId: process.processId, variables: { n }, requestTimeout: 20_000 }),
        ),
      );
      expect(results.map((result) => result.variables)).toEqual([1, 2, 3].map((n) => ({ n, handledBy: 'worker', doubled: n * 2 })));
    } finally {
      await worker.close();
    }
  });

  it('StreamActivatedJobs pushes jobs to the SDK stream worker as they are created', async () => {
    const process = await deployJobs('stream');
    const streamed: string[] = [];
    const stream = await harness.zeebe.streamJobs({
      type: process.jobType('gateway-jobs-work'),
      worker: 'streamer',
      timeout: 60_000,
      tenantIds: [],
      pollInterval: 0, // no side-car polling: every job must come through the stream
      taskHandler: (job) => {
        streamed.push(job.key);
        return job.complete({ streamed: true });
      },
    });
    try {
      await sleep(200);
      const result = await harness.zeebe.createProcessInstanceWithResult({ bpmnProcessId: process.processId, variables: {}, requestTimeout: 10_000 });
      expect(result.variables).toEqual({ streamed: true });
      expect(streamed).toHaveLength(1);
    } finally {
      // The SDK's stream worker prints the CANCELLED status of its own cancel with console.error.
      const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
      stream.close();
      await sleep(100);
      quiet.mockRestore();
    }
  });

  it('FailJob with no retries left raises an incident; UpdateJobRetries and ResolveIncident continue', async () => {
    const process = await deployJobs('incident');
    const processInstanceKey = await process.start();
    const [job] = await process.activate();
    await harness.zeebe.failJob({ jobKey: job!.key, retries: 0, errorMessage: 'the archive service is down', retryBackOff: 0 });
    const [incident] = await harness.incidents(processInstanceKey);
    expect(incident).toMatchObject({ error_type: 'JOB_NO_RETRIES', error_message: 'the archive service is down' });
    await expect(process.activate()).resolves.toEqual([]);

    await harness.zeebe.updateJobRetries({ jobKey: job!.key, retries: 2 });
    await harness.zeebe.resolveIncident({ incidentKey: incident!.key });
    const [again] = await process.activate();
    expect(again).toMatchObject({ key: job!.key, retries: 2 });
    await harness.zeebe.completeJob({ jobKey: job!.key, variables: {} });
  });

  it('FailJob with a back-off makes the job activatable again after the back-off', async () => {
    const process = await deployJobs('backoff');
    await process.start();
    const [job] = await process.activate();
    const failed = Date.now();
    await harness.zeebe.failJob({ jobKey: job!.key, retries: 2, errorMessage: 'try later', retryBackOff: 500 });
    await expect(process.activate()).resolves.toEqual([]);
    const [again] = await process.activate('gateway-jobs-work', 10_000);
    expect(again).toMatchObject({ key: job!.key, retries: 2 });
    expect(Date.now() - failed).toBeGreaterThanOrEqual(500);
  });

  it('ThrowError is caught by the error boundary event; an uncaught code raises an incident', async () => {
    const process = await deployJobs('throwError');
    await process.start();
    const [job] = await process.activate();
    await harness.zeebe.throwError({ jobKey: job!.key, errorCode: 'REJECTED', errorMessage: 'not complete' });
    const [rejectionJob] = await process.activate('gateway-jobs-rejection');
    expect(rejectionJob).toMatchObject({ elementId: 'handleRejection' });

    const uncaughtInstance = await process.start();
    const [uncaught] = await process.activate();
    await harness.zeebe.throwError({ jobKey: uncaught!.key, errorCode: 'SOMETHING_ELSE', errorMessage: 'nobody catches this' });
    const [incident] = await harness.incidents(uncaughtInstance);
    expect(incident).toMatchObject({ error_type: 'UNHANDLED_ERROR_EVENT' });
  });

  it('SetVariables on the process instance is visible to the next activation', async () => {
    const process = await deployJobs('setVariables');
    const processInstanceKey = await process.start({ a: 1 });
    const response = await harness.raw.call<{ key: string }>('SetVariables', { elementInstanceKey: processInstanceKey, variables: '{"b": 2}', local: false });
    expect(response.key).toMatch(/^[1-9]\d*$/);
    const [job] = await process.activate();
    expect(job?.variables).toEqual({ a: 1, b: 2 });
  });

  it('UpdateJobTimeout shortens the lock, after which the job can be activated again', async () => {
    const process = await deployJobs('updateTimeout');
    await process.start();
    const [job] = await process.activate();
    await harness.zeebe.updateJobTimeout({ jobKey: job!.key, timeout: 1 });
    await sleep(50);
    const [again] = await process.activate();
    expect(again?.key).toBe(job!.key);
  });

  it('after the instance is cancelled, its job is gone', async () => {
    const process = await deployJobs('cancelled');
    const processInstanceKey = await process.start();
    const [job] = await process.activate();
    await harness.zeebe.cancelProcessInstance(processInstanceKey);
    await expect(harness.zeebe.completeJob({ jobKey: job!.key, variables: {} })).rejects.toMatchObject({ code: status.NOT_FOUND });
  });
});
