import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineHarness } from '../../testing/engineHarness.js';
import { end, error, errorBoundary, flow, processXml, sequence, serviceTask, start, userTask } from '../../testing/bpmnXml.js';

describe('job commands', () => {
  let harness: EngineHarness;
  beforeAll(async () => {
    harness = await EngineHarness.start();
    await harness.deploy(processXml('job', start('s'), serviceTask('a', 'job-a', { headers: { zaaktype: 'melding' } }), end('e'), sequence('s', 'a', 'e')));
    await harness.deploy(
      processXml(
        'catching',
        error('err-rejected', 'REJECTED'),
        start('s'),
        serviceTask('a', 'catch-a'),
        errorBoundary('caught', 'a', 'err-rejected'),
        end('e'),
        end('e-caught'),
        sequence('s', 'a', 'e'),
        flow('caught', 'e-caught'),
      ),
    );
    await harness.deploy(
      processXml(
        'user',
        start('s'),
        userTask('review', { assignee: '=owner', candidateGroups: 'team-a, team-b', dueDate: '=string(deadline)', formKey: 'camunda-forms:bpmn:form1' }),
        end('e'),
        sequence('s', 'review', 'e'),
      ),
    );
  });
  afterAll(async () => harness.stop());

  it('completes a job: variables propagate to the process and the instance continues', async () => {
    const key = await harness.start('job', { x: 1 });
    const job = await harness.completeJob('job-a', { x: 2, y: 'new' });
    expect(job.customHeaders).toEqual({ zaaktype: 'melding' });
    expect(await harness.instanceState(key)).toBe('COMPLETED');
    expect(await harness.variables(key)).toEqual({ x: 2, y: 'new' });
    const jobRecords = (await harness.records(key)).filter((r) => r.value_type === 'JOB').map((r) => r.intent);
    expect(jobRecords).toEqual(['CREATED', 'ACTIVATED', 'COMPLETED']);
  });

  it('rejects completing an unknown or finished job with NOT_FOUND naming the key', async () => {
    await expect(harness.engine.completeJob('2251799813685999')).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('2251799813685999'),
    });
    await harness.start('job');
    const job = await harness.completeJob('job-a');
    await expect(harness.engine.completeJob(job.key)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('fails with retries left: activatable again after the back-off', async () => {
    await harness.start('job');
    const [job] = await harness.activate('job-a');
    await harness.engine.failJob(job!.key, { retries: 2, errorMessage: 'timeout', retryBackOffMs: 60_000 });
    expect(await harness.activate('job-a')).toEqual([]);
    harness.engine.clock.add(61_000);
    const [again] = await harness.activate('job-a');
    expect(again).toMatchObject({ key: job!.key, retries: 2 });
    harness.engine.clock.reset();
    await harness.engine.completeJob(again!.key);
  });

  it('fails without retries: incident; update retries and resolve continue the instance', async () => {
    const key = await harness.start('job');
    const [job] = await harness.activate('job-a');
    await harness.engine.failJob(job!.key, { retries: 0, errorMessage: 'service down' });
    const [incident] = await harness.incidents(key);
    expect(incident).toMatchObject({ error_type: 'JOB_NO_RETRIES', error_message: 'service down', state: 'ACTIVE', element_id: 'a' });
    // resolving without new retries raises a new incident, as Zeebe does
    await harness.engine.resolveIncident(String(incident!.key));
    expect((await harness.incidents(key)).map((i) => i.state)).toEqual(['RESOLVED', 'ACTIVE']);
    const current = (await harness.incidents(key))[1]!;
    await harness.engine.updateJobRetries(job!.key, 1);
    await harness.engine.resolveIncident(String(current.key));
    await harness.completeJob('job-a');
    expect(await harness.instanceState(key)).toBe('COMPLETED');
  });

  it('throws a BPMN error caught by a boundary event, with the variables', async () => {
    const key = await harness.start('catching');
    const [job] = await harness.activate('catch-a');
    await harness.engine.throwError(job!.key, { errorCode: 'REJECTED', variables: { reason: 'incomplete' } });
    expect(await harness.states(key)).toMatchObject({ a: ['TERMINATED'], caught: ['COMPLETED'], 'e-caught': ['COMPLETED'] });
    expect(await harness.variables(key)).toEqual({ reason: 'incomplete' });
  });

  it('raises UNHANDLED_ERROR_EVENT for an error code nobody catches', async () => {
    const key = await harness.start('catching');
    const [job] = await harness.activate('catch-a');
    await harness.engine.throwError(job!.key, { errorCode: 'OTHER', errorMessage: 'boom' });
    const [incident] = await harness.incidents(key);
    expect(incident).toMatchObject({ error_type: 'UNHANDLED_ERROR_EVENT', element_id: 'a' });
    expect(incident!.error_message).toContain("'OTHER'");
  });

  it('gives job-based user tasks the Zeebe headers', async () => {
    await harness.start('user', { owner: 'demo', deadline: '2026-12-01T10:00:00Z' });
    const [job] = await harness.activate('io.camunda.zeebe:userTask');
    expect(job!.customHeaders).toEqual({
      'io.camunda.zeebe:assignee': 'demo',
      'io.camunda.zeebe:candidateGroups': '["team-a","team-b"]',
      'io.camunda.zeebe:dueDate': '2026-12-01T10:00:00Z',
      'io.camunda.zeebe:formKey': 'camunda-forms:bpmn:form1',
    });
  });

  it('never hands one job to two concurrent activations', async () => {
    for (let i = 0; i < 20; i++) await harness.start('job');
    const batches = await Promise.all(Array.from({ length: 4 }, () => harness.activate('job-a', 10)));
    const keys = batches.flat().map((job) => job.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) await harness.engine.completeJob(key);
  });

  it('makes a job activatable again when its lock times out', async () => {
    await harness.start('job');
    const [job] = await harness.activate('job-a');
    expect(await harness.activate('job-a')).toEqual([]);
    harness.engine.clock.add(61_000);
    const [again] = await harness.activate('job-a');
    expect(again?.key).toBe(job!.key);
    harness.engine.clock.reset();
    await harness.engine.updateJobTimeout(again!.key, 1000);
    await harness.engine.completeJob(again!.key);
  });

  it('rejects retries below one with INVALID_ARGUMENT', async () => {
    await expect(harness.engine.updateJobRetries('2251799813685249', 0)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });
});
