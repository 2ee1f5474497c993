import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineHarness } from '../../testing/engineHarness.js';
import { end, eventGateway, flow, message, messageCatch, processXml, sequence, serviceTask, start, subProcess, timerCatch } from '../../testing/bpmnXml.js';

/** Process instance modification as documented for Zeebe (docs.camunda.io: "Process instance modification"). */
describe('ModifyProcessInstance', () => {
  let harness: EngineHarness;
  const modify = (processInstanceKey: string, change: { activate?: Parameters<typeof harness.engine.modifyProcessInstance>[0]['activateInstructions']; terminate?: string[] }) =>
    harness.engine.modifyProcessInstance({
      processInstanceKey,
      activateInstructions: change.activate ?? [],
      terminateInstructions: (change.terminate ?? []).map((elementInstanceKey) => ({ elementInstanceKey })),
    });
  const keyOf = async (processInstanceKey: string, elementId: string) => {
    const rows = (await harness.elements(processInstanceKey)).filter((row) => row.element_id === elementId && row.state === 'ACTIVATED');
    if (rows.length !== 1) throw new Error(`expected one active '${elementId}', found ${rows.length}`);
    return String(rows[0]!.key);
  };

  beforeAll(async () => {
    harness = await EngineHarness.start();
    await harness.deploy(
      processXml(
        'skip-step',
        message('m', 'antwoord', '=zaaknummer'),
        start('s'),
        serviceTask('a', 'mod-a'),
        messageCatch('b', 'm'),
        serviceTask('c', 'mod-c'),
        end('e'),
        sequence('s', 'a', 'b', 'c', 'e'),
      ),
    );
    await harness.deploy(
      processXml(
        'nested',
        start('s'),
        serviceTask('a', 'nested-a'),
        subProcess('sub', start('sub-start'), serviceTask('x', 'nested-x'), end('sub-end'), sequence('sub-start', 'x', 'sub-end')),
        end('e'),
        sequence('s', 'a', 'sub', 'e'),
      ),
    );
    await harness.deploy(
      processXml(
        'unsupported',
        message('m', 'reactie', '=zaaknummer'),
        start('s'),
        serviceTask('a', 'unsupported-a'),
        `<bpmn:subProcess id="each"><bpmn:multiInstanceLoopCharacteristics isSequential="false"><bpmn:extensionElements><zeebe:loopCharacteristics inputCollection="=[1,2]" inputElement="item"/></bpmn:extensionElements></bpmn:multiInstanceLoopCharacteristics>
${start('each-start')}${serviceTask('inner', 'unsupported-inner')}${end('each-end')}${sequence('each-start', 'inner', 'each-end')}</bpmn:subProcess>`,
        eventGateway('gw'),
        messageCatch('reply', 'm'),
        timerCatch('late', { duration: 'P1D' }),
        end('e'),
        sequence('s', 'a', 'each', 'gw'),
        flow('gw', 'reply'),
        flow('gw', 'late'),
        flow('reply', 'e'),
        flow('late', 'e', { id: 'late-e' }),
      ),
    );
  });
  afterAll(async () => harness.stop());

  it('moves a token: terminate the waiting catch event, activate the next task (Zeebe: "skip a step")', async () => {
    const key = await harness.start('skip-step', { zaaknummer: 'Z-1' });
    await harness.completeJob('mod-a');
    await modify(key, { terminate: [await keyOf(key, 'b')], activate: [{ elementId: 'c', variableInstructions: [] }] });
    expect(await harness.states(key)).toMatchObject({ b: ['TERMINATED'], c: ['ACTIVATED'] });
    expect(await harness.instanceState(key)).toBe('ACTIVATED');
    await harness.completeJob('mod-c');
    expect(await harness.instanceState(key)).toBe('COMPLETED');
    expect((await harness.records(key)).some((r) => r.value_type === 'PROCESS_INSTANCE_MODIFICATION' && r.intent === 'MODIFIED')).toBe(true);
  });

  it('activating an element inside a subprocess that is not active creates the flow scope, without its start event', async () => {
    const key = await harness.start('nested');
    await modify(key, {
      activate: [
        {
          elementId: 'x',
          variableInstructions: [
            { variables: { opSub: 1 }, scopeId: 'sub' },
            { variables: { opTaak: 2 }, scopeId: 'x' },
            { variables: { opProces: 3 } },
          ],
        },
      ],
    });
    const states = await harness.states(key);
    expect(states).toMatchObject({ a: ['ACTIVATED'], sub: ['ACTIVATED'], x: ['ACTIVATED'] });
    expect(states['sub-start']).toBeUndefined();
    expect(await harness.variables(key, await keyOf(key, 'sub'))).toEqual({ opSub: 1 });
    expect(await harness.variables(key, await keyOf(key, 'x'))).toEqual({ opTaak: 2 });
    expect(await harness.variables(key)).toEqual({ opProces: 3 });
    // the new scope runs on as usual: x completes, sub completes, and the process waits for a
    await harness.completeJob('nested-x');
    expect((await harness.states(key)).sub).toEqual(['COMPLETED']);
    await harness.engine.cancelProcessInstance(key);
  });

  it('terminating the last active element instance terminates its empty flow scopes and the process instance', async () => {
    const key = await harness.start('nested');
    await harness.completeJob('nested-a');
    await modify(key, { terminate: [await keyOf(key, 'x')] });
    expect(await harness.states(key)).toMatchObject({ x: ['TERMINATED'], sub: ['TERMINATED'], nested: ['TERMINATED'] });
  });

  it('a flow scope with more than one active instance needs an ancestor key', async () => {
    const key = await harness.start('nested');
    await harness.completeJob('nested-a');
    await modify(key, { activate: [{ elementId: 'sub', variableInstructions: [] }] });
    const subs = (await harness.elements(key)).filter((row) => row.element_id === 'sub').map((row) => String(row.key));
    expect(subs).toHaveLength(2);
    await expect(modify(key, { activate: [{ elementId: 'x', variableInstructions: [] }] })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: expect.stringContaining('more than one active instance') as string,
    });
    await modify(key, { activate: [{ elementId: 'x', ancestorElementInstanceKey: subs[0]!, variableInstructions: [] }] });
    const xs = (await harness.elements(key)).filter((row) => row.element_id === 'x');
    expect(xs.filter((row) => String(row.flow_scope_key) === subs[0])).toHaveLength(2);
    await harness.engine.cancelProcessInstance(key);
  });

  it('rejects invalid instructions with INVALID_ARGUMENT naming what is wrong, and changes nothing', async () => {
    const key = await harness.start('skip-step', { zaaknummer: 'Z-2' });
    const a = await keyOf(key, 'a');
    const rejected = async (change: Parameters<typeof modify>[1], text: string) =>
      expect(modify(key, { terminate: [a], ...change })).rejects.toMatchObject({
        code: 'INVALID_ARGUMENT',
        message: expect.stringContaining(text) as string,
      });
    await rejected({ activate: [{ elementId: 'nope', variableInstructions: [] }] }, "an element that could not be found: 'nope'");
    await rejected({ activate: [{ elementId: 's', variableInstructions: [] }] }, "unsupported: 's'");
    await rejected({ terminate: ['2251799813685000'] }, "element instance that could not be found: '2251799813685000'");
    await rejected({ activate: [{ elementId: 'c', ancestorElementInstanceKey: a, variableInstructions: [] }] }, 'not an ancestor');
    await rejected({ activate: [{ elementId: 'c', variableInstructions: [{ variables: {}, scopeId: 'zzz' }] }] }, "scope element id that could not be found: 'zzz'");
    await rejected({ activate: [{ elementId: 'c', variableInstructions: [{ variables: {}, scopeId: 'a' }] }] }, "doesn't belong");
    expect(await harness.states(key)).toEqual({ 'skip-step': ['ACTIVATED'], s: ['COMPLETED'], a: ['ACTIVATED'] });
  });

  it('rejects what Zeebe does not activate: elements inside a multi-instance subprocess, events after an event-based gateway', async () => {
    const key = await harness.start('unsupported', { zaaknummer: 'Z-3' });
    await expect(modify(key, { activate: [{ elementId: 'inner', variableInstructions: [] }] })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: expect.stringContaining("nested in a multi-instance element: 'inner'") as string,
    });
    await expect(modify(key, { activate: [{ elementId: 'reply', variableInstructions: [] }] })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: expect.stringContaining("event-based gateway: 'reply'") as string,
    });
    // the gateway itself may be activated: it opens both subscriptions
    await modify(key, { activate: [{ elementId: 'gw', variableInstructions: [] }] });
    expect((await harness.states(key)).gw).toEqual(['ACTIVATED']);
  });

  it('an unknown process instance is NOT_FOUND', async () => {
    await expect(modify('2251799813699999', { terminate: [] })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
