import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineHarness } from '../testing/engineHarness.js';
import { end, flow, processXml, sequence, serviceTask, start, subProcess } from '../testing/bpmnXml.js';

const escalation = (id: string, code: string) => `<bpmn:escalation id="${id}" escalationCode="${code}"/>`;
const escalationThrow = (id: string, ref: string) =>
  `<bpmn:intermediateThrowEvent id="${id}"><bpmn:escalationEventDefinition escalationRef="${ref}"/></bpmn:intermediateThrowEvent>`;
const escalationBoundary = (id: string, attachedTo: string, ref: string, interrupting: boolean) =>
  `<bpmn:boundaryEvent id="${id}" attachedToRef="${attachedTo}" cancelActivity="${interrupting}"><bpmn:escalationEventDefinition escalationRef="${ref}"/></bpmn:boundaryEvent>`;

describe('escalation', () => {
  let harness: EngineHarness;
  const model = (id: string, interrupting: boolean) =>
    processXml(
      id,
      start('s'),
      subProcess('dossier', start('ds'), escalationThrow('meld', 'esc'), serviceTask('verder', `${id}-verder`), end('de'), sequence('ds', 'meld', 'verder', 'de')),
      escalationBoundary('caught', 'dossier', 'esc', interrupting),
      serviceTask('coordinator', `${id}-coordinator`),
      end('e'),
      end('e-caught'),
      sequence('s', 'dossier', 'e'),
      flow('caught', 'coordinator'),
      flow('coordinator', 'e-caught'),
    ).replace('<bpmn:process', `${escalation('esc', 'TE_LAAT')}<bpmn:process`);
  beforeAll(async () => {
    harness = await EngineHarness.start();
    await harness.deploy(model('esc-non', false));
    await harness.deploy(model('esc-int', true));
  });
  afterAll(async () => harness.stop());

  it('non-interrupting boundary: the coordinator is told and the subprocess goes on', async () => {
    const key = await harness.start('esc-non');
    await harness.completeJob('esc-non-coordinator');
    await harness.completeJob('esc-non-verder');
    expect(await harness.states(key)).toMatchObject({ caught: ['COMPLETED'], dossier: ['COMPLETED'], meld: ['COMPLETED'] });
    expect(await harness.instanceState(key)).toBe('COMPLETED');
  });

  it('interrupting boundary: the subprocess ends, the flow continues at the boundary', async () => {
    const key = await harness.start('esc-int');
    expect(await harness.states(key)).toMatchObject({ dossier: ['TERMINATED'], caught: ['COMPLETED'] });
    expect(await harness.activate('esc-int-verder')).toEqual([]);
    await harness.completeJob('esc-int-coordinator');
    expect(await harness.instanceState(key)).toBe('COMPLETED');
  });
});
