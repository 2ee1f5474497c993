import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineHarness } from '../../testing/engineHarness.js';
import { end, flow, processXml, sequence, serviceTask, start } from '../../testing/bpmnXml.js';

const signal = (id: string, name: string) => `<bpmn:signal id="${id}" name="${name}"/>`;
const signalCatch = (id: string, ref: string) =>
  `<bpmn:intermediateCatchEvent id="${id}"><bpmn:signalEventDefinition signalRef="${ref}"/></bpmn:intermediateCatchEvent>`;
const signalStart = (id: string, ref: string) => `<bpmn:startEvent id="${id}"><bpmn:signalEventDefinition signalRef="${ref}"/></bpmn:startEvent>`;
const signalEnd = (id: string, ref: string) => `<bpmn:endEvent id="${id}"><bpmn:signalEventDefinition signalRef="${ref}"/></bpmn:endEvent>`;
const signalBoundary = (id: string, attachedTo: string, ref: string) =>
  `<bpmn:boundaryEvent id="${id}" attachedToRef="${attachedTo}"><bpmn:signalEventDefinition signalRef="${ref}"/></bpmn:boundaryEvent>`;

describe('signals', () => {
  let harness: EngineHarness;
  beforeAll(async () => {
    harness = await EngineHarness.start();
    await harness.deploy(processXml('waits', signal('s1', 'storing-voorbij'), start('s'), signalCatch('c', 's1'), end('e'), sequence('s', 'c', 'e')));
    await harness.deploy(processXml('on-signal', signal('s1', 'calamiteit'), signalStart('ss', 's1'), serviceTask('handle', 'sig-handle'), end('e'), sequence('ss', 'handle', 'e')));
    await harness.deploy(
      processXml('stoppable', signal('s1', 'stop-alles'), start('s'), serviceTask('work', 'sig-work'), signalBoundary('stop', 'work', 's1'), end('e'), end('e-stop'), sequence('s', 'work', 'e'), flow('stop', 'e-stop')),
    );
    await harness.deploy(processXml('thrower', signal('s1', 'stop-alles'), start('s'), signalEnd('throw', 's1'), sequence('s', 'throw')));
  });
  afterAll(async () => harness.stop());

  it('reaches every waiting catch event, in every instance', async () => {
    const first = await harness.start('waits');
    const second = await harness.start('waits');
    await harness.engine.broadcastSignal({ signalName: 'storing-voorbij', variables: { opgelost: true } });
    expect(await harness.instanceState(first)).toBe('COMPLETED');
    expect(await harness.instanceState(second)).toBe('COMPLETED');
    expect(await harness.variables(first)).toEqual({ opgelost: true });
  });

  it('starts processes with a signal start event', async () => {
    await harness.engine.broadcastSignal({ signalName: 'calamiteit', variables: { locatie: 'Markt' } });
    const [job] = await harness.activate('sig-handle');
    expect(job!.variables).toEqual({ locatie: 'Markt' });
  });

  it('a signal end event interrupts tasks with a signal boundary event elsewhere', async () => {
    const key = await harness.start('stoppable');
    await harness.start('thrower');
    expect(await harness.states(key)).toMatchObject({ work: ['TERMINATED'], stop: ['COMPLETED'], stoppable: ['COMPLETED'] });
  });
});
