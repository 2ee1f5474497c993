import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../engine.js';
import { EngineHarness } from '../../testing/engineHarness.js';
import { end, processXml, sequence, serviceTask, start, task } from '../../testing/bpmnXml.js';

describe('create process instance', () => {
  let harness: EngineHarness;
  beforeAll(async () => {
    harness = await EngineHarness.start();
    await harness.deploy(processXml('straight', start('s'), task('t'), end('e'), sequence('s', 't', 'e')));
    await harness.deploy(processXml('waiting', start('s'), serviceTask('a', 'work'), end('e'), sequence('s', 'a', 'e')));
  });
  afterAll(async () => harness.stop());

  it('runs a process without wait states to completion, with the lifecycle records', async () => {
    // when
    const key = await harness.start('straight', { amount: 10 });
    // then
    expect(await harness.instanceState(key)).toBe('COMPLETED');
    expect(await harness.states(key)).toEqual({ straight: ['COMPLETED'], s: ['COMPLETED'], t: ['COMPLETED'], e: ['COMPLETED'] });
    expect(await harness.variables(key)).toEqual({ amount: 10 });
    const intents = (await harness.records(key)).filter((r) => r.element_id === 't').map((r) => r.intent);
    expect(intents).toEqual(['ELEMENT_ACTIVATING', 'ELEMENT_ACTIVATED', 'ELEMENT_COMPLETING', 'ELEMENT_COMPLETED']);
  });

  it('waits at a service task with an activatable job carrying the variables', async () => {
    const key = await harness.start('waiting', { zaak: { nummer: 'ZAAK-1' } });
    expect(await harness.instanceState(key)).toBe('ACTIVATED');
    const [job] = await harness.activate('work');
    expect(job).toMatchObject({ processInstanceKey: key, elementId: 'a', retries: 3, variables: { zaak: { nummer: 'ZAAK-1' } } });
    await harness.engine.completeJob(job!.key);
    expect(await harness.instanceState(key)).toBe('COMPLETED');
  });

  it('starts a given version, by key, and rejects unknown processes', async () => {
    const v2 = await harness.deploy(processXml('straight', start('s'), end('e2'), sequence('s', 'e2')));
    const byVersion = await harness.engine.createProcessInstance({ bpmnProcessId: 'straight', version: 1 });
    expect(byVersion.version).toBe(1);
    const byKey = await harness.engine.createProcessInstance({ processDefinitionKey: v2.processes[0]!.processDefinitionKey });
    expect(byKey.version).toBe(2);
    await expect(harness.start('nope')).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining("'nope'") });
  });

  it('starts the latest version also when another engine process on the database deployed it', async () => {
    // given an engine that has started the latest "solo" (and remembers it)
    await harness.deploy(processXml('solo', start('s'), end('e1'), sequence('s', 'e1')));
    expect((await harness.engine.createProcessInstance({ bpmnProcessId: 'solo' })).version).toBe(1);
    // when a second engine on the same database deploys version 2, and later version 3
    const other = createEngine({ db: harness.db, logger: pino({ level: 'silent' }), scheduler: false });
    try {
      const deployOther = (endId: string) =>
        other.deploy([{ name: 'solo.bpmn', content: Buffer.from(processXml('solo', start('s'), end(endId), sequence('s', endId))) }]);
      await deployOther('e2');
      // then the first engine starts version 2, and then version 3
      expect((await harness.engine.createProcessInstance({ bpmnProcessId: 'solo' })).version).toBe(2);
      await deployOther('e3');
      expect((await harness.engine.createProcessInstance({ bpmnProcessId: 'solo' })).version).toBe(3);
    } finally {
      await other.close();
    }
  });

  it('commits commands that arrive together, while one of them that fails fails alone', async () => {
    // given 30 creates sent at once (they queue and share transactions), one for an unknown process
    await harness.deploy(processXml('grouped', start('s'), serviceTask('a', 'grouped-work'), end('e'), sequence('s', 'a', 'e')));
    const ids = Array.from({ length: 30 }, (_, i) => (i === 17 ? 'unknown-process' : 'grouped'));
    const outcomes = await Promise.allSettled(ids.map((bpmnProcessId) => harness.start(bpmnProcessId)));
    // then that one is rejected and the other 29 instances exist, each waiting at its task
    expect(outcomes[17]).toMatchObject({ status: 'rejected', reason: { code: 'NOT_FOUND' } });
    const created = outcomes.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
    expect(new Set(created).size).toBe(29);
    for (const key of created) expect(await harness.instanceState(key)).toBe('ACTIVATED');
  });

  it('starts at given elements with start instructions', async () => {
    const created = await harness.engine.createProcessInstance({ bpmnProcessId: 'waiting', startInstructions: [{ elementId: 'e' }] });
    expect(await harness.states(created.processInstanceKey)).toEqual({ waiting: ['COMPLETED'], e: ['COMPLETED'] });
  });

  it('returns the result variables with createProcessInstanceWithResult', async () => {
    const pending = harness.engine.createProcessInstanceWithResult(
      { bpmnProcessId: 'waiting', variables: { a: 1, b: 2 } },
      { requestTimeoutMs: 10_000, fetchVariables: ['a', 'c'] },
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    await harness.completeJob('work', { c: 3 });
    const result = await pending;
    expect(result.variables).toEqual({ a: 1, c: 3 });
  });

  it('times out createProcessInstanceWithResult with DEADLINE_EXCEEDED', async () => {
    await expect(
      harness.engine.createProcessInstanceWithResult({ bpmnProcessId: 'waiting' }, { requestTimeoutMs: 100 }),
    ).rejects.toMatchObject({ code: 'DEADLINE_EXCEEDED' });
  });

  it('cancels an instance: elements terminated, job cancelled', async () => {
    const key = await harness.start('waiting');
    await harness.engine.cancelProcessInstance(key);
    expect(await harness.states(key)).toMatchObject({ waiting: ['TERMINATED'], a: ['TERMINATED'] });
    const jobs = (await harness.db('engine_jobs').where({ process_instance_key: key })) as { state: string }[];
    expect(jobs.map((job) => job.state)).toEqual(['CANCELED']);
    await expect(harness.engine.cancelProcessInstance(key)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
