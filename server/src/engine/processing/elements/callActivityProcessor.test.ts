import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineHarness } from '../../testing/engineHarness.js';
import { end, processXml, sequence, serviceTask, start, task } from '../../testing/bpmnXml.js';

const callActivity = (id: string, processId: string, extra = '') =>
  `<bpmn:callActivity id="${id}"><bpmn:extensionElements><zeebe:calledElement processId="${processId}" ${extra}/></bpmn:extensionElements></bpmn:callActivity>`;

describe('call activity', () => {
  let harness: EngineHarness;
  beforeAll(async () => {
    harness = await EngineHarness.start();
    await harness.deploy(processXml('advies', start('s'), serviceTask('geef-advies', 'advies-geven'), end('e'), sequence('s', 'geef-advies', 'e')));
    await harness.deploy(processXml('direct', start('s'), task('t'), end('e'), sequence('s', 't', 'e')));
    await harness.deploy(processXml('vergunning', start('s'), callActivity('vraag-advies', 'advies'), end('e'), sequence('s', 'vraag-advies', 'e')));
    await harness.deploy(processXml('vergunning-direct', start('s'), callActivity('c', 'direct'), end('e'), sequence('s', 'c', 'e')));
    await harness.deploy(processXml('dynamic', start('s'), callActivity('c', '=welk'), end('e'), sequence('s', 'c', 'e')));
  });
  afterAll(async () => harness.stop());

  it('starts the called process with the parent variables and continues with the child results', async () => {
    const parent = await harness.start('vergunning', { zaak: 'ZAAK-1' });
    const [job] = await harness.activate('advies-geven');
    expect(job!.variables).toEqual({ zaak: 'ZAAK-1' });
    const child = job!.processInstanceKey;
    expect(child).not.toBe(parent);
    await harness.engine.completeJob(job!.key, { advies: 'positief' });
    expect(await harness.instanceState(child)).toBe('COMPLETED');
    expect(await harness.instanceState(parent)).toBe('COMPLETED');
    expect(await harness.variables(parent)).toEqual({ zaak: 'ZAAK-1', advies: 'positief' });
  });

  it('completes at once when the called process has no wait state', async () => {
    const parent = await harness.start('vergunning-direct', { a: 1 });
    expect(await harness.instanceState(parent)).toBe('COMPLETED');
  });

  it('cancelling the parent terminates the child; the child itself cannot be cancelled', async () => {
    const parent = await harness.start('vergunning');
    const [job] = await harness.activate('advies-geven');
    await expect(harness.engine.cancelProcessInstance(job!.processInstanceKey)).rejects.toMatchObject({ code: 'FAILED_PRECONDITION' });
    await harness.engine.cancelProcessInstance(parent);
    expect(await harness.instanceState(job!.processInstanceKey)).toBe('TERMINATED');
  });

  it('a called process that is not deployed raises CALLED_ELEMENT_ERROR; deploying and resolving continues', async () => {
    const parent = await harness.start('dynamic', { welk: 'later' });
    const [incident] = await harness.incidents(parent);
    expect(incident).toMatchObject({ error_type: 'CALLED_ELEMENT_ERROR', element_id: 'c' });
    await harness.deploy(processXml('later', start('s'), end('e'), sequence('s', 'e')));
    await harness.engine.resolveIncident(String(incident!.key));
    expect(await harness.instanceState(parent)).toBe('COMPLETED');
  });
});
