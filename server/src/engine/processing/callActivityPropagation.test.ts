import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineHarness } from '../testing/engineHarness.js';
import { end, error, errorBoundary, errorEnd, errorEventSubProcess, flow, processXml, sequence, serviceTask, start } from '../testing/bpmnXml.js';

const callActivity = (id: string, processId: string) =>
  `<bpmn:callActivity id="${id}"><bpmn:extensionElements><zeebe:calledElement processId="${processId}"/></bpmn:extensionElements></bpmn:callActivity>`;
const parallelCallActivity = (id: string, processId: string) =>
  `<bpmn:callActivity id="${id}"><bpmn:extensionElements><zeebe:calledElement processId="${processId}"/></bpmn:extensionElements>` +
  `<bpmn:multiInstanceLoopCharacteristics><bpmn:extensionElements><zeebe:loopCharacteristics inputCollection="=[1, 2]" inputElement="nr"/></bpmn:extensionElements></bpmn:multiInstanceLoopCharacteristics></bpmn:callActivity>`;
const withEscalation = (xml: string) => xml.replace('<bpmn:process', '<bpmn:escalation id="esc" escalationCode="TE_LAAT"/><bpmn:process');
const escalationThrow = (id: string) =>
  `<bpmn:intermediateThrowEvent id="${id}"><bpmn:escalationEventDefinition escalationRef="esc"/></bpmn:intermediateThrowEvent>`;
const escalationBoundary = (id: string, attachedTo: string, interrupting: boolean) =>
  `<bpmn:boundaryEvent id="${id}" attachedToRef="${attachedTo}" cancelActivity="${interrupting}"><bpmn:escalationEventDefinition escalationRef="esc"/></bpmn:boundaryEvent>`;
const escalationEventSubProcess = (id: string, startId: string, ...parts: string[]) =>
  `<bpmn:subProcess id="${id}" triggeredByEvent="true"><bpmn:startEvent id="${startId}" isInterrupting="false"><bpmn:escalationEventDefinition escalationRef="esc"/></bpmn:startEvent>${parts.join('')}</bpmn:subProcess>`;

/** A child that waits in a job of the given type. */
const waitingChild = (id: string, type: string) => processXml(id, start('s'), serviceTask('werk', type), end('e'), sequence('s', 'werk', 'e'));
/** A child that escalates at once, then waits in a job of the given type. */
const escalatingChild = (id: string, type: string) =>
  withEscalation(processXml(id, start('s'), escalationThrow('meld'), serviceTask('verder', type), end('e'), sequence('s', 'meld', 'verder', 'e')));
/** A parent calling `called`, with extra catchers around the call activity `roep`. */
const parent = (id: string, called: string, ...catchers: string[]) =>
  processXml(id, error('err', 'AFGEWEZEN'), start('s'), callActivity('roep', called), end('e'), sequence('s', 'roep', 'e'), ...catchers);
/** An interrupting error boundary on `roep` leading to a job of the given type. */
const errorPath = (type: string) => [errorBoundary('gevangen', 'roep', 'err'), serviceTask('herstel', type), end('e2'), flow('gevangen', 'herstel'), flow('herstel', 'e2')];

describe('errors and escalations from a called process', () => {
  let harness: EngineHarness;
  const childOf = async (parentKey: string): Promise<string> => {
    const row = (await harness.db('engine_element_instances').where({ parent_process_instance_key: parentKey }).first()) as { key: string };
    return String(row.key);
  };
  const throwFromJob = async (type: string, variables = {}) => {
    const [job] = await harness.activate(type);
    await harness.engine.throwError(job!.key, { errorCode: 'AFGEWEZEN', variables });
    return job!.processInstanceKey;
  };

  beforeAll(async () => {
    harness = await EngineHarness.start();
    const deploy = (xml: string) => harness.deploy(xml);
    await deploy(processXml('kind-fout', error('err', 'AFGEWEZEN'), start('s'), errorEnd('gooi', 'err'), sequence('s', 'gooi')));
    await deploy(waitingChild('kind-boundary', 'kind-boundary-werk'));
    await deploy(parent('ouder-boundary', 'kind-boundary', ...errorPath('ouder-herstel')));
    await deploy(parent('ouder-direct', 'kind-fout', errorBoundary('gevangen', 'roep', 'err'), end('e2'), flow('gevangen', 'e2')));
    await deploy(waitingChild('kind-esp', 'kind-esp-werk'));
    await deploy(parent('ouder-esp', 'kind-esp', errorEventSubProcess('bij-fout', 'fs', 'err', end('fe'), sequence('fs', 'fe'))));
    await deploy(waitingChild('kind-ongevangen', 'kind-ongevangen-werk'));
    await deploy(
      parent('ouder-ongevangen', 'kind-ongevangen', error('ander', 'ANDERS'), errorBoundary('gevangen', 'roep', 'ander'), end('e2'), flow('gevangen', 'e2')),
    );
    await deploy(waitingChild('kind-genest', 'kind-genest-werk'));
    await deploy(parent('ouder-genest', 'kind-genest'));
    await deploy(parent('grootouder', 'ouder-genest', ...errorPath('grootouder-herstel')));
    await deploy(parent('ouder-direct-zonder', 'kind-fout'));
    await deploy(parent('grootouder-direct', 'ouder-direct-zonder', errorBoundary('gevangen', 'roep', 'err'), end('e2'), flow('gevangen', 'e2')));
    await deploy(escalatingChild('kind-esc-int', 'kind-esc-int-verder'));
    const escalationPath = (interrupting: boolean, type: string) => [
      escalationBoundary('geescaleerd', 'roep', interrupting),
      serviceTask('coordinator', type),
      end('e3'),
      flow('geescaleerd', 'coordinator'),
      flow('coordinator', 'e3'),
    ];
    await deploy(withEscalation(parent('ouder-esc-int', 'kind-esc-int', ...escalationPath(true, 'ouder-esc-int-coordinator'))));
    await deploy(escalatingChild('kind-esc-non', 'kind-esc-non-verder'));
    const notify = escalationEventSubProcess('bij-escalatie', 'es', serviceTask('melding', 'ouder-esc-non-melding'), end('ee'), sequence('es', 'melding', 'ee'));
    await deploy(withEscalation(parent('ouder-esc-non', 'kind-esc-non', notify)));
    await deploy(escalatingChild('kind-esc-los', 'kind-esc-los-verder'));
    await deploy(parent('ouder-esc-los', 'kind-esc-los'));
    await deploy(waitingChild('kind-mi', 'kind-mi-werk'));
    await deploy(
      processXml('ouder-mi', error('err', 'AFGEWEZEN'), start('s'), parallelCallActivity('roep', 'kind-mi'), end('e'), sequence('s', 'roep', 'e'), ...errorPath('ouder-mi-herstel')),
    );
    await deploy(waitingChild('kind-incident', 'kind-incident-werk'));
    await deploy(parent('ouder-incident', 'kind-incident', errorBoundary('vangt-alles', 'roep'), end('e2'), flow('vangt-alles', 'e2')));
  });
  afterAll(async () => harness.stop());

  it('an error from a job in the child is caught by a boundary on the call activity, with its variables', async () => {
    const key = await harness.start('ouder-boundary');
    const child = await throwFromJob('kind-boundary-werk', { reden: 'onvolledig' });
    expect(await harness.instanceState(child)).toBe('TERMINATED');
    expect(await harness.states(key)).toMatchObject({ roep: ['TERMINATED'], gevangen: ['COMPLETED'], herstel: ['ACTIVATED'] });
    expect(await harness.variables(key)).toEqual({ reden: 'onvolledig' });
    await harness.completeJob('ouder-herstel');
    expect(await harness.instanceState(key)).toBe('COMPLETED');
    expect(await harness.incidents(child)).toEqual([]);
  });

  it('an error end event in a child started in the same command is caught on the call activity', async () => {
    const key = await harness.start('ouder-direct');
    expect(await harness.instanceState(key)).toBe('COMPLETED');
    expect(await harness.states(key)).toMatchObject({ roep: ['TERMINATED'], gevangen: ['COMPLETED'] });
    expect(await harness.instanceState(await childOf(key))).toBe('TERMINATED');
  });

  it('an error is caught by an error event subprocess of the parent', async () => {
    const key = await harness.start('ouder-esp');
    const child = await throwFromJob('kind-esp-werk');
    expect(await harness.instanceState(child)).toBe('TERMINATED');
    expect(await harness.states(key)).toMatchObject({ roep: ['TERMINATED'], fs: ['COMPLETED'], 'bij-fout': ['COMPLETED'] });
    expect(await harness.instanceState(key)).toBe('COMPLETED');
  });

  it('an error nobody catches raises UNHANDLED_ERROR_EVENT where it was thrown, in the child', async () => {
    const key = await harness.start('ouder-ongevangen');
    const child = await throwFromJob('kind-ongevangen-werk');
    const [incident] = await harness.incidents(child);
    expect(incident).toMatchObject({ error_type: 'UNHANDLED_ERROR_EVENT', element_id: 'werk', state: 'ACTIVE' });
    expect(await harness.incidents(key)).toEqual([]);
    expect(await harness.states(key)).toMatchObject({ roep: ['ACTIVATED'] });
    expect(await harness.instanceState(child)).toBe('ACTIVATED');
  });

  it('an error passes through a parent without catcher to the grandparent; both called instances end', async () => {
    const key = await harness.start('grootouder');
    const child = await throwFromJob('kind-genest-werk');
    const middle = await childOf(key);
    expect(await harness.instanceState(child)).toBe('TERMINATED');
    expect(await harness.instanceState(middle)).toBe('TERMINATED');
    expect(await harness.states(key)).toMatchObject({ roep: ['TERMINATED'], gevangen: ['COMPLETED'] });
    await harness.completeJob('grootouder-herstel');
    expect(await harness.instanceState(key)).toBe('COMPLETED');
  });

  it('nested two levels, all started in one command', async () => {
    const key = await harness.start('grootouder-direct');
    const middle = await childOf(key);
    expect(await harness.instanceState(key)).toBe('COMPLETED');
    expect(await harness.instanceState(middle)).toBe('TERMINATED');
    expect(await harness.instanceState(await childOf(middle))).toBe('TERMINATED');
  });

  it('an error from one child of a multi-instance call activity ends all children', async () => {
    const key = await harness.start('ouder-mi');
    const children = ((await harness.db('engine_element_instances').where({ parent_process_instance_key: key })) as { key: string }[]).map((row) => String(row.key));
    expect(children).toHaveLength(2);
    await throwFromJob('kind-mi-werk');
    for (const child of children) expect(await harness.instanceState(child)).toBe('TERMINATED');
    expect(await harness.states(key)).toMatchObject({ roep: ['TERMINATED', 'TERMINATED', 'TERMINATED'], gevangen: ['COMPLETED'] });
    expect(await harness.activate('kind-mi-werk')).toEqual([]);
    await harness.completeJob('ouder-mi-herstel');
    expect(await harness.instanceState(key)).toBe('COMPLETED');
  });

  it('an interrupting escalation boundary on the call activity ends the child', async () => {
    const key = await harness.start('ouder-esc-int');
    expect(await harness.instanceState(await childOf(key))).toBe('TERMINATED');
    expect(await harness.states(key)).toMatchObject({ roep: ['TERMINATED'], geescaleerd: ['COMPLETED'] });
    expect(await harness.activate('kind-esc-int-verder')).toEqual([]);
    await harness.completeJob('ouder-esc-int-coordinator');
    expect(await harness.instanceState(key)).toBe('COMPLETED');
  });

  it('a non-interrupting escalation event subprocess of the parent leaves the child running', async () => {
    const key = await harness.start('ouder-esc-non');
    const child = await childOf(key);
    await harness.completeJob('ouder-esc-non-melding');
    expect(await harness.instanceState(key)).toBe('ACTIVATED');
    await harness.completeJob('kind-esc-non-verder');
    expect(await harness.states(child)).toMatchObject({ meld: ['COMPLETED'], verder: ['COMPLETED'] });
    expect(await harness.states(key)).toMatchObject({ es: ['COMPLETED'], roep: ['COMPLETED'] });
    expect(await harness.instanceState(key)).toBe('COMPLETED');
  });

  it('an escalation nobody catches is no incident anywhere; the child goes on', async () => {
    const key = await harness.start('ouder-esc-los');
    await harness.completeJob('kind-esc-los-verder');
    expect(await harness.instanceState(key)).toBe('COMPLETED');
    expect(await harness.incidents(key)).toEqual([]);
  });

  it('an incident in the child stays in the child, even with a catch-all boundary on the call activity', async () => {
    const key = await harness.start('ouder-incident');
    const [job] = await harness.activate('kind-incident-werk');
    await harness.engine.failJob(job!.key, { retries: 0, errorMessage: 'adviesdienst onbereikbaar' });
    const [incident] = await harness.incidents(job!.processInstanceKey);
    expect(incident).toMatchObject({ error_type: 'JOB_NO_RETRIES', element_id: 'werk' });
    expect(await harness.incidents(key)).toEqual([]);
    expect(await harness.states(key)).toMatchObject({ roep: ['ACTIVATED'] });
    expect(await harness.states(key)).not.toHaveProperty('vangt-alles');
  });
});
