import { describe, expect, it } from 'vitest';
import { end, processXml, sequence, start } from '../engine/testing/bpmnXml.js';
import { elementNameResolver } from './elementNames.js';

describe('element names for the task list', () => {
  it('reads the name from the deployed model once per process definition', async () => {
    // given a deployed model whose user task has a name
    const xml = processXml('p', start('s'), '<bpmn:userTask id="beoordelen" name="Melding beoordelen"/>', end('e'), sequence('s', 'beoordelen', 'e'));
    let fetched = 0;
    const resolve = elementNameResolver({
      processDefinitionXmlByKey: async (key) => {
        fetched += 1;
        return key === '2251799813685249' ? xml : undefined;
      },
    });
    // when asking twice, and for an unknown definition
    const job = { processDefinitionKey: '2251799813685249', elementId: 'beoordelen' };
    // then the name comes back, the model is fetched once, unknowns give undefined
    expect(await resolve(job)).toBe('Melding beoordelen');
    expect(await resolve(job)).toBe('Melding beoordelen');
    expect(fetched).toBe(1);
    expect(await resolve({ processDefinitionKey: '1', elementId: 'x' })).toBeUndefined();
    expect(await resolve({ elementId: 'beoordelen' })).toBeUndefined();
  });
});
