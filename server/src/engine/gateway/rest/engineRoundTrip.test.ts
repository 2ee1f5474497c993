import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../testing/testDatabase.js';
import { createEngine, type Engine } from '../../engine.js';
import { end, processXml, sequence, serviceTask, start } from '../../testing/bpmnXml.js';
import { RestTestKit } from './testing/restTestKit.js';

/** The read side against rows the real engine wrote: deploy, start, work a job, fail one, resolve. */
describe('REST v2 over the real engine', () => {
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

  const xml = processXml(
    'rest-order',
    start('start'),
    serviceTask('check', 'rest-check'),
    end('end'),
    sequence('start', 'check', 'end'),
  );

  it('finds deployed definitions, started instances, their elements, variables and jobs', async () => {
    // given a deployed process and a started instance
    const deployment = await engine.deploy([
      { name: 'rest-order.bpmn', content: Buffer.from(xml) },
    ]);
    const definitionKey = deployment.processes[0]!.processDefinitionKey;
    const { processInstanceKey } = await engine.createProcessInstance({
      bpmnProcessId: 'rest-order',
      variables: { amount: 42 },
    });

    // when searching for it
    const instances = await kit.search('/v2/process-instances/search', {
      filter: { processDefinitionId: 'rest-order' },
    });
    // then it is there, active, with its definition
    expect(instances.items).toEqual([
      expect.objectContaining({
        processInstanceKey,
        processDefinitionKey: definitionKey,
        processDefinitionVersion: 1,
        state: 'ACTIVE',
        hasIncident: false,
      }),
    ]);
    expect((await kit.get(`/v2/process-definitions/${definitionKey}/xml`)).text).toBe(xml);

    // and its start event completed while the service task waits for its job
    const elements = await kit.search('/v2/element-instances/search', {
      filter: { processInstanceKey },
      sort: [{ field: 'startDate' }],
    });
    expect(elements.items.map((item) => [item.elementId, item.state])).toEqual([
      ['start', 'COMPLETED'],
      ['check', 'ACTIVE'],
    ]);
    const variables = await kit.search('/v2/variables/search', { filter: { processInstanceKey } });
    expect(variables.items).toEqual([
      expect.objectContaining({ name: 'amount', value: '42', scopeKey: processInstanceKey }),
    ]);
    const jobs = await kit.search('/v2/jobs/search', { filter: { processInstanceKey } });
    expect(jobs.items).toEqual([
      expect.objectContaining({
        type: 'rest-check',
        state: 'CREATED',
        elementId: 'check',
        retries: 3,
      }),
    ]);

    // when the job is completed
    const [job] = await engine.activateJobs({
      type: 'rest-check',
      worker: 'rest-test',
      timeout: 60_000,
      maxJobsToActivate: 1,
    });
    await engine.completeJob(job!.key, { approved: true });
    // then the instance is COMPLETED with an end date, and the job COMPLETED
    const done = await kit.get(`/v2/process-instances/${processInstanceKey}`);
    expect(done.body).toMatchObject({ state: 'COMPLETED' });
    expect(typeof done.body.endDate).toBe('string');
    expect(
      (await kit.search('/v2/jobs/search', { filter: { jobKey: job!.key } })).items[0],
    ).toMatchObject({ state: 'COMPLETED', worker: 'rest-test' });
  });

  it('finds process definitions by id and version, and the latest only', async () => {
    const versioned = (type: string) => Buffer.from(xml.replace('rest-order', 'rest-versions').replace('rest-check', type));
    await engine.deploy([{ name: 'versions.bpmn', content: versioned('one') }]);
    await engine.deploy([{ name: 'versions.bpmn', content: versioned('two') }]);
    const v1 = await kit.search('/v2/process-definitions/search', { filter: { processDefinitionId: 'rest-versions', version: 1 } });
    expect(v1.items).toEqual([expect.objectContaining({ processDefinitionId: 'rest-versions', version: 1, resourceName: 'versions.bpmn' })]);
    const latest = await kit.search('/v2/process-definitions/search', { filter: { processDefinitionId: 'rest-versions', isLatestVersion: true } });
    expect(latest.items).toEqual([expect.objectContaining({ version: 2 })]);
  });

  it('shows an incident raised by the engine and resolves it through REST', async () => {
    // given an instance whose job failed without retries
    const { processInstanceKey } = await engine.createProcessInstance({
      bpmnProcessId: 'rest-order',
    });
    const [job] = await engine.activateJobs({
      type: 'rest-check',
      worker: 'rest-test',
      timeout: 60_000,
      maxJobsToActivate: 1,
    });
    await engine.failJob(job!.key, { retries: 0, errorMessage: 'service unavailable' });

    // when searching its incidents
    const incidents = await kit.search('/v2/incidents/search', {
      filter: { processInstanceKey, state: 'ACTIVE' },
    });
    // then the incident is there and the instance shows it
    expect(incidents.items).toEqual([
      expect.objectContaining({
        errorType: 'JOB_NO_RETRIES',
        errorMessage: 'service unavailable',
        elementId: 'check',
        jobKey: job!.key,
      }),
    ]);
    expect((await kit.get(`/v2/process-instances/${processInstanceKey}`)).body.hasIncident).toBe(
      true,
    );
    expect(
      (await kit.search('/v2/jobs/search', { filter: { jobKey: job!.key } })).items[0],
    ).toMatchObject({ state: 'FAILED', retries: 0 });

    // when retries are given back and the incident is resolved through REST
    await engine.updateJobRetries(job!.key, 1);
    const incidentKey = String(incidents.items[0]?.incidentKey);
    const resolution = await kit.post(`/v2/incidents/${incidentKey}/resolution`);
    // then it is resolved, and the instance has no incident
    expect(resolution.status).toBe(204);
    expect(
      (await kit.search('/v2/incidents/search', { filter: { incidentKey } })).items[0],
    ).toMatchObject({ state: 'RESOLVED' });
    expect((await kit.get(`/v2/process-instances/${processInstanceKey}`)).body.hasIncident).toBe(
      false,
    );
    // and resolving it again is the engine's NOT_FOUND
    const again = await kit.post(`/v2/incidents/${incidentKey}/resolution`);
    expect(again.status).toBe(404);
    expect(again.body.title).toBe('NOT_FOUND');
  });
});
