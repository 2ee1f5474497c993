import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../testing/testDatabase.js';
import { createEngine, type Engine } from '../../engine.js';
import { end, processXml, sequence, serviceTask, start } from '../../testing/bpmnXml.js';
import { RestTestKit } from './testing/restTestKit.js';

/** Camunda 8 REST: POST /v2/process-instances/{processInstanceKey}/modification, 204 on success. */
describe('POST /v2/process-instances/{key}/modification', () => {
  let testDb: TestDatabase;
  let engine: Engine;
  let kit: RestTestKit;
  beforeAll(async () => {
    testDb = await createTestDatabase();
    engine = createEngine({ db: testDb.db, logger: pino({ level: 'silent' }), scheduler: false });
    kit = await RestTestKit.start({ testDb, engine, clock: engine.clock });
    await engine.deploy([
      {
        name: 'rest-modify.bpmn',
        content: Buffer.from(processXml('rest-modify', start('start'), serviceTask('check', 'rest-modify-check'), serviceTask('send', 'rest-modify-send'), end('end'), sequence('start', 'check', 'send', 'end'))),
      },
    ]);
  });
  afterAll(async () => {
    await kit.stop();
    await engine.close();
    await testDb.destroy();
  });

  const elements = async (processInstanceKey: string) =>
    (await testDb.db('engine_element_instances').where({ process_instance_key: processInstanceKey }).orderBy('key')) as {
      key: string;
      element_id: string;
      state: string;
    }[];

  it('moves the token from one task to the next, with variables', async () => {
    // given an instance waiting at 'check'
    const { processInstanceKey } = await engine.createProcessInstance({ bpmnProcessId: 'rest-modify', variables: {} });
    const check = (await elements(processInstanceKey)).find((row) => row.element_id === 'check')!;
    // when the token is moved to 'send'
    const answer = await kit.post(`/v2/process-instances/${processInstanceKey}/modification`, {
      activateInstructions: [{ elementId: 'send', ancestorElementInstanceKey: '-1', variableInstructions: [{ variables: { overgeslagen: true } }] }],
      terminateInstructions: [{ elementInstanceKey: String(check.key) }],
    });
    // then
    expect(answer.status).toBe(204);
    const states = Object.fromEntries((await elements(processInstanceKey)).map((row) => [row.element_id, row.state]));
    expect(states).toMatchObject({ check: 'TERMINATED', send: 'ACTIVATED', 'rest-modify': 'ACTIVATED' });
    const variable = (await testDb.db('engine_variables').where({ scope_key: processInstanceKey, name: 'overgeslagen' }).first()) as { value: string };
    expect(variable.value).toBe('true');
  });

  it('answers 400 naming an unknown element, and 404 for an unknown instance', async () => {
    const { processInstanceKey } = await engine.createProcessInstance({ bpmnProcessId: 'rest-modify', variables: {} });
    const unknownElement = await kit.post(`/v2/process-instances/${processInstanceKey}/modification`, {
      activateInstructions: [{ elementId: 'nergens' }],
    });
    expect(unknownElement.status).toBe(400);
    expect(unknownElement.body).toMatchObject({ title: 'INVALID_ARGUMENT', detail: expect.stringContaining("'nergens'") as string });
    const unknownInstance = await kit.post('/v2/process-instances/2251799813699999/modification', { terminateInstructions: [] });
    expect(unknownInstance.status).toBe(404);
    const badBody = await kit.post(`/v2/process-instances/${processInstanceKey}/modification`, { terminateInstructions: [{ elementInstanceKey: 'x' }] });
    expect(badBody.status).toBe(400);
  });
});
