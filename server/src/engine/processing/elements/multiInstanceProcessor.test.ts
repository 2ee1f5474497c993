import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineHarness } from '../../testing/engineHarness.js';
import { end, processXml, sequence, start } from '../../testing/bpmnXml.js';

function adviesTask(id: string, type: string, loop: { sequential?: boolean; completion?: string }): string {
  const completion = loop.completion ? `<bpmn:completionCondition>${loop.completion}</bpmn:completionCondition>` : '';
  return `<bpmn:serviceTask id="${id}">
  <bpmn:extensionElements><zeebe:taskDefinition type="${type}"/></bpmn:extensionElements>
  <bpmn:multiInstanceLoopCharacteristics isSequential="${loop.sequential ?? false}">
    <bpmn:extensionElements><zeebe:loopCharacteristics inputCollection="=afdelingen" inputElement="afdeling" outputCollection="adviezen" outputElement="=advies"/></bpmn:extensionElements>
    ${completion}
  </bpmn:multiInstanceLoopCharacteristics>
</bpmn:serviceTask>`;
}

describe('multi-instance', () => {
  let harness: EngineHarness;
  beforeAll(async () => {
    harness = await EngineHarness.start();
    await harness.deploy(processXml('parallel-advice', start('s'), adviesTask('advies', 'mi-par', {}), end('e'), sequence('s', 'advies', 'e')));
    await harness.deploy(
      processXml('sequential-advice', start('s'), adviesTask('advies', 'mi-seq', { sequential: true, completion: '=advies = "negatief"' }), end('e'), sequence('s', 'advies', 'e')),
    );
  });
  afterAll(async () => harness.stop());

  it('parallel: one job per item with inputElement and loopCounter; results collected in order', async () => {
    const key = await harness.start('parallel-advice', { afdelingen: ['brandweer', 'politie', 'milieu'] });
    const jobs = await harness.activate('mi-par', 10);
    expect(jobs.map((job) => [job.variables.afdeling, job.variables.loopCounter])).toEqual([
      ['brandweer', 1],
      ['politie', 2],
      ['milieu', 3],
    ]);
    for (const job of [...jobs].reverse()) await harness.engine.completeJob(job.key, { advies: `ok van ${job.variables.afdeling as string}` });
    expect(await harness.instanceState(key)).toBe('COMPLETED');
    expect((await harness.variables(key)).adviezen).toEqual(['ok van brandweer', 'ok van politie', 'ok van milieu']);
    const body = (await harness.elements(key)).find((row) => row.element_type === 'MULTI_INSTANCE_BODY');
    expect(body?.state).toBe('COMPLETED');
  });

  it('sequential: one at a time; the completion condition ends the loop early', async () => {
    const key = await harness.start('sequential-advice', { afdelingen: ['a', 'b', 'c'] });
    const first = await harness.activate('mi-seq', 10);
    expect(first).toHaveLength(1);
    await harness.engine.completeJob(first[0]!.key, { advies: 'positief' });
    const second = await harness.activate('mi-seq', 10);
    expect(second.map((job) => job.variables.afdeling)).toEqual(['b']);
    await harness.engine.completeJob(second[0]!.key, { advies: 'negatief' });
    expect(await harness.instanceState(key)).toBe('COMPLETED');
    expect((await harness.variables(key)).adviezen).toEqual(['positief', 'negatief', null]);
  });

  it('an empty input collection completes the activity at once', async () => {
    const key = await harness.start('parallel-advice', { afdelingen: [] });
    expect(await harness.instanceState(key)).toBe('COMPLETED');
  });

  it('an input collection that is not a list raises an incident', async () => {
    const key = await harness.start('parallel-advice', { afdelingen: 'brandweer' });
    const [incident] = await harness.incidents(key);
    expect(incident).toMatchObject({ error_type: 'EXTRACT_VALUE_ERROR', element_id: 'advies' });
  });
});
