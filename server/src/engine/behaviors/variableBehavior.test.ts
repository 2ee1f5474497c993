import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineHarness } from '../testing/engineHarness.js';
import { end, processXml, sequence, serviceTask, start, subProcess } from '../testing/bpmnXml.js';

describe('variables and mappings', () => {
  let harness: EngineHarness;
  beforeAll(async () => {
    harness = await EngineHarness.start();
    await harness.deploy(
      processXml(
        'mapped',
        start('s'),
        serviceTask('a', 'mapped-a', { inputs: { 'request.amount': '=order.total * 2' }, outputs: { result: '=answer + 1' } }),
        end('e'),
        sequence('s', 'a', 'e'),
      ),
    );
    await harness.deploy(
      processXml(
        'scoped',
        start('s'),
        subProcess('inner', start('is'), serviceTask('a', 'scoped-a', { inputs: { local: '="mine"' } }), end('ie'), sequence('is', 'a', 'ie')),
        end('e'),
        sequence('s', 'inner', 'e'),
      ),
    );
  });
  afterAll(async () => harness.stop());

  it('input mappings are local (nested targets allowed); output mappings decide what leaves the task', async () => {
    const key = await harness.start('mapped', { order: { total: 21 } });
    const [job] = await harness.activate('mapped-a');
    expect(job!.variables).toMatchObject({ request: { amount: 42 }, order: { total: 21 } });
    await harness.engine.completeJob(job!.key, { answer: 41, noise: true });
    expect(await harness.variables(key)).toEqual({ order: { total: 21 }, result: 42 });
  });

  it('job results go to the nearest scope that has the variable, else the process', async () => {
    const key = await harness.start('scoped');
    const [job] = await harness.activate('scoped-a');
    expect(job!.variables).toEqual({ local: 'mine' });
    await harness.engine.completeJob(job!.key, { local: 'changed', shared: 1 });
    expect(await harness.variables(key)).toEqual({ shared: 1 });
  });

  it('SetVariables: local stays in its scope, propagating goes to the nearest owner', async () => {
    const key = await harness.start('scoped', { counter: 0 });
    const inner = (await harness.elements(key)).find((row) => row.element_id === 'inner')!;
    await harness.engine.setVariables(String(inner.key), { counter: 5, fresh: 'x' }, false);
    await harness.engine.setVariables(String(inner.key), { onlyHere: true }, true);
    expect(await harness.variables(key)).toEqual({ counter: 5, fresh: 'x' });
    expect(await harness.variables(key, String(inner.key))).toEqual({ onlyHere: true });
    const [job] = await harness.activate('scoped-a');
    expect(job!.variables).toMatchObject({ counter: 5, onlyHere: true, local: 'mine' });
  });

  it('rejects SetVariables for an unknown element instance with NOT_FOUND', async () => {
    await expect(harness.engine.setVariables('2251799813699999', { a: 1 }, false)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('rejects a model with invalid FEEL at deployment, naming the element', async () => {
    await expect(
      harness.deploy(processXml('bad-feel', start('s'), serviceTask('a', 'x', { inputs: { y: '=1 +' } }), end('e'), sequence('s', 'a', 'e'))),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringContaining('a') });
  });
});
