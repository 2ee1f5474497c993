import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineHarness } from '../testing/engineHarness.js';

/**
 * The models of Zeebe's own process-test QA suite (../shared/conformance/zeebe-process-test):
 * every one deploys, and each is driven along its paths to completion (timers via the clock).
 */
const folder = fileURLToPath(new URL('../../../../../shared/conformance/zeebe-process-test/', import.meta.url));
const models = existsSync(folder) ? readdirSync(folder).filter((file) => file.endsWith('.bpmn')) : [];
const DAY = 24 * 3600 * 1000;
const USER_TASK = 'io.camunda.zeebe:userTask';

describe.skipIf(models.length === 0)('zeebe-process-test models', () => {
  let harness: EngineHarness;
  beforeAll(async () => {
    harness = await EngineHarness.start();
  });
  afterAll(async () => harness.stop());

  it('deploys every model', async () => {
    // named-elements and named-elements-v2 share a process id: v2 becomes version 2
    for (const model of models.sort()) await harness.deploy(readFileSync(folder + model, 'utf8'), model);
  });

  it('deploys its forms, test-form-v2 as version 2 of the same form id', async () => {
    const forms = readdirSync(folder).filter((file) => file.endsWith('.form')).sort();
    expect(forms).toEqual(['test-form-v2.form', 'test-form.form']);
    const versions: number[] = [];
    for (const form of forms.reverse()) {
      const deployment = await harness.engine.deploy([{ name: form, content: readFileSync(folder + form) }]);
      versions.push(deployment.forms[0]?.version ?? 0);
    }
    expect(versions).toEqual([1, 2]);
  });

  const completes = async (key: string) => expect(await harness.instanceState(key)).toBe('COMPLETED');

  it('start-end, alternate-start-end, named-elements: straight through', async () => {
    for (const id of ['start-end', 'alternate-start-end', 'NamedProcess']) await completes(await harness.start(id));
  });

  it('looping-servicetask: the output mapping counts the loops until totalLoops', async () => {
    const key = await harness.start('looping-servicetask', { totalLoops: 3 });
    for (let loop = 1; loop <= 3; loop++) await harness.completeJob('test');
    await completes(key);
    expect((await harness.states(key)).servicetask).toHaveLength(3);
  });

  it('multiple-tasks: three parallel tasks joined', async () => {
    const key = await harness.start('multiple-tasks');
    const jobs = await harness.activate('test', 10);
    expect(jobs).toHaveLength(3);
    for (const job of jobs) await harness.engine.completeJob(job.key);
    await completes(key);
  });

  it('message-event and message-start-event', async () => {
    const key = await harness.start('message-event', { correlationKey: 'c-1' });
    await harness.engine.publishMessage({ name: 'message', correlationKey: 'c-1', timeToLiveMs: 0, variables: {} });
    await completes(key);
    await harness.engine.publishMessage({ name: 'start-message', correlationKey: '', timeToLiveMs: 0, variables: { via: 'start' } });
    const started = (await harness.db('engine_element_instances').where({ bpmn_process_id: 'message-start-event', element_type: 'PROCESS' })) as { state: string }[];
    expect(started.map((row) => row.state)).toEqual(['COMPLETED']);
  });

  it('call-activity and multiple-call-activity: children run to completion', async () => {
    await completes(await harness.start('call-activity'));
    await completes(await harness.start('multiple-call-activity'));
  });

  it('automated-tests: a subprocess per operating system', async () => {
    const key = await harness.start('automatedTestsProcess');
    const jobs = await harness.activate('runTests', 10);
    expect(jobs.map((job) => job.variables.operatingSystem)).toEqual(['ubuntu', 'windows', 'macos']);
    for (const job of jobs) await harness.engine.completeJob(job.key);
    await completes(key);
  });

  it('test_timer_events: the fast path (task, then 1 s) terminates the 30-day wait; without the task, 30 days terminate it', async () => {
    const fast = await harness.start('Process_Timer_Test_01');
    await harness.completeJob('SimpleLog01');
    harness.engine.clock.add(2000);
    await harness.engine.runDueWork();
    await completes(fast);
    expect(await harness.states(fast)).toMatchObject({ EndEvent_FastFlow: ['COMPLETED'], TimerEvent_Wait30d: ['TERMINATED'] });
    harness.engine.clock.reset();

    const slow = await harness.start('Process_Timer_Test_01');
    harness.engine.clock.add(30 * DAY + 1000);
    await harness.engine.runDueWork();
    await completes(slow);
    expect(await harness.states(slow)).toMatchObject({ EndEvent_SlowFlow: ['COMPLETED'], Activity_InvokeDummyWorker: ['TERMINATED'] });
    harness.engine.clock.reset();
  });

  it('timer-start-event-daily: a new instance each day', async () => {
    harness.engine.clock.add(DAY + 1000);
    await harness.engine.runDueWork();
    harness.engine.clock.add(DAY);
    await harness.engine.runDueWork();
    const started = (await harness.db('engine_element_instances').where({ bpmn_process_id: 'timer-start-event-daily', element_type: 'PROCESS' })) as unknown[];
    expect(started).toHaveLength(2);
    harness.engine.clock.reset();
  });

  it('pr-created: reminder after a day, rejected once, approved, tests green, merged and deployed', async () => {
    await harness.engine.publishMessage({ name: 'prCreated', correlationKey: '', timeToLiveMs: 0, variables: { prId: 'pr-7' } });
    const [instance] = (await harness.db('engine_element_instances').where({ bpmn_process_id: 'prCreatedProcess', element_type: 'PROCESS' })) as { key: string }[];
    const key = String(instance!.key);
    for (const job of await harness.activate('runTests', 10)) await harness.engine.completeJob(job.key);
    await harness.completeJob(USER_TASK); // requestReview
    harness.engine.clock.add(DAY + 1000);
    await harness.engine.runDueWork();
    await harness.completeJob('remindReviewer');
    await harness.engine.publishMessage({ name: 'reviewReceived', correlationKey: 'pr-7', timeToLiveMs: 0, variables: { reviewResult: 'rejected' } });
    await harness.completeJob(USER_TASK); // makeChanges
    await harness.completeJob(USER_TASK); // requestReview again
    await harness.engine.publishMessage({ name: 'reviewReceived', correlationKey: 'pr-7', timeToLiveMs: 0, variables: { reviewResult: 'approved' } });
    await harness.completeJob(USER_TASK); // mergeCode
    await harness.completeJob('deploySnapshot');
    await completes(key);
    harness.engine.clock.reset();
  });
});
