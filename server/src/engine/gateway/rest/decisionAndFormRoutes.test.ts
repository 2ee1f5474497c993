import { readFileSync } from 'node:fs';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../testing/testDatabase.js';
import { createEngine, type Engine } from '../../engine.js';
import { RestTestKit } from './testing/restTestKit.js';

describe('POST /v2/decision-definitions/evaluation and GET /v2/forms/{formKey}', () => {
  let testDb: TestDatabase;
  let engine: Engine;
  let kit: RestTestKit;
  beforeAll(async () => {
    testDb = await createTestDatabase();
    engine = createEngine({ db: testDb.db, logger: pino({ level: 'silent' }) });
    kit = await RestTestKit.start({ testDb, engine, clock: engine.clock });
  });
  afterAll(async () => {
    await kit.stop();
    await engine.close();
    await testDb.destroy();
  });

  it('evaluates the latest decision by id, with Camunda REST names and JSON text values', async () => {
    // given the dish decisions
    const dmn = readFileSync(new URL('../../dmn/fixtures/dish.dmn', import.meta.url));
    const deployment = await engine.deploy([{ name: 'dish.dmn', content: dmn }]);
    // when evaluating by id
    const answer = await kit.post('/v2/decision-definitions/evaluation', { decisionDefinitionId: 'dish', variables: { month: 7, guests: 3 } });
    // then
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      decisionDefinitionId: 'dish',
      decisionDefinitionKey: deployment.decisions.find((d) => d.decisionId === 'dish')?.decisionKey,
      decisionDefinitionVersion: 1,
      decisionRequirementsId: 'dishDecisions',
      output: '"Salad"',
      failedDecisionDefinitionId: null,
      tenantId: '<default>',
    });
    expect(answer.body.evaluatedDecisions).toHaveLength(2);
  });

  it('answers 400 without a decision and 404 for an unknown one', async () => {
    expect((await kit.post('/v2/decision-definitions/evaluation', { variables: {} })).status).toBe(400);
    const missing = await kit.post('/v2/decision-definitions/evaluation', { decisionDefinitionId: 'onbekend' });
    expect(missing.status).toBe(404);
  });

  it('returns a deployed form schema by form key', async () => {
    const schema = JSON.stringify({ id: 'intake', components: [{ type: 'textfield', key: 'naam' }] });
    const deployment = await engine.deploy([{ name: 'intake.form', content: Buffer.from(schema) }]);
    const formKey = deployment.forms[0]!.formKey;
    const answer = await kit.get(`/v2/forms/${formKey}`);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ formKey, formId: 'intake', version: 1, schema, tenantId: '<default>' });
    expect((await kit.get('/v2/forms/2251799813600000')).status).toBe(404);
  });
});
