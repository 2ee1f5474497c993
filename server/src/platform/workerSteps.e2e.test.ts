import { createPlatformClient, jobHandlers } from '@zaakstroom/workers';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerJson, startHttpPeer, type HttpAnswer } from '../testing/httpPeer.js';
import { publishTestZaaktype } from '../testing/testZaaktype.js';
import { ZaaktypeTestServer, type Zaak } from './zaaktypen/testing/zaaktypeTestServer.js';

const WORKER_SECRET = 'worker-steps-test-secret-0123456789abcdef';

/**
 * http.request registers the melding at another organisation's register (a FEEL-built body; the
 * answer goes into `registratie`), zaak.rol adds the behandelaar the register named (a FEEL-built
 * betrokkene from `registratie`), zaak.status marks the zaak In behandeling.
 */
const model = (registerUrl: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="ws" targetNamespace="http://zaakstroom.test">
  <bpmn:process id="worker-steps" name="Worker steps" isExecutable="true">
    <bpmn:startEvent id="start"/>
    <bpmn:serviceTask id="registreren" name="Registreer bij het beheerregister"><bpmn:extensionElements><zeebe:taskDefinition type="http.request" retries="3"/><zeebe:ioMapping><zeebe:input source="={ zaaknummer: zaak.identificatie, omschrijving: zaak.omschrijving }" target="melding"/></zeebe:ioMapping><zeebe:taskHeaders><zeebe:header key="url" value="${registerUrl}/registraties/{{zaak.identificatie}}"/><zeebe:header key="method" value="POST"/><zeebe:header key="bodyVariable" value="melding"/><zeebe:header key="resultVariable" value="registratie"/><zeebe:header key="timeoutMs" value="30000"/></zeebe:taskHeaders></bpmn:extensionElements></bpmn:serviceTask>
    <bpmn:serviceTask id="behandelaarToevoegen" name="Voeg behandelaar toe"><bpmn:extensionElements><zeebe:taskDefinition type="zaak.rol" retries="3"/><zeebe:ioMapping><zeebe:input source="={ type: &quot;medewerker&quot;, username: registratie.body.behandelaar.username, naam: registratie.body.behandelaar.naam }" target="behandelaar"/></zeebe:ioMapping><zeebe:taskHeaders><zeebe:header key="roltype" value="Behandelaar"/><zeebe:header key="betrokkeneVariable" value="behandelaar"/><zeebe:header key="toelichting" value="Aangewezen door het beheerregister"/></zeebe:taskHeaders></bpmn:extensionElements></bpmn:serviceTask>
    <bpmn:serviceTask id="inBehandeling" name="Status: In behandeling"><bpmn:extensionElements><zeebe:taskDefinition type="zaak.status" retries="3"/><zeebe:taskHeaders><zeebe:header key="statustype" value="In behandeling"/></zeebe:taskHeaders></bpmn:extensionElements></bpmn:serviceTask>
    <bpmn:endEvent id="end"/>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="registreren"/>
    <bpmn:sequenceFlow id="f2" sourceRef="registreren" targetRef="behandelaarToevoegen"/>
    <bpmn:sequenceFlow id="f3" sourceRef="behandelaarToevoegen" targetRef="inBehandeling"/>
    <bpmn:sequenceFlow id="f4" sourceRef="inBehandeling" targetRef="end"/>
  </bpmn:process>
</bpmn:definitions>`;

interface Rol {
  roltype: string;
  betrokkene: Record<string, unknown>;
  toelichting: string | null;
}

interface EngineJob {
  jobKey: string;
  retries: number;
  errorMessage: string | null;
  customHeaders: Record<string, string>;
}

const BEHANDELAAR = { username: 'behandelaar2', naam: 'F. Yilmaz' };

/** The register when it works: 201 with its kenmerk and the behandelaar it assigns. */
const registers: HttpAnswer = (request, res) => {
  const { zaaknummer } = request.body as { zaaknummer: string };
  answerJson(res, 201, { kenmerk: `REG-${zaaknummer}`, behandelaar: BEHANDELAAR });
};

/** The register in maintenance: 500 with a text body. */
const isDown: HttpAnswer = (_request, res) => {
  res.writeHead(500, { 'content-type': 'text/plain' }).end('Register in onderhoud');
};

/**
 * The zaak.rol and http.request workers on the real server (embedded engine over gRPC, workers
 * in-process, platform API over HTTP) against a real HTTP peer, on PGlite or TEST_DATABASE_URL.
 */
describe('http.request and zaak.rol in a process', { timeout: 120_000 }, () => {
  const t = new ZaaktypeTestServer(
    {
      identificatie: 'worker-steps',
      omschrijving: 'Worker steps',
      behandelaar: 'behandelaar2',
      initiatorEmail: 'melder@voorbeeld.nl',
    },
    'embedded',
    { WORKER_CLIENT_SECRET: WORKER_SECRET },
  );
  let register: Awaited<ReturnType<typeof startHttpPeer>>;

  beforeAll(async () => {
    register = await startHttpPeer(registers);
    await t.start();
    await publishTestZaaktype(t.url, 'worker-steps', model(register.url));
  }, 120_000);
  afterAll(async () => {
    await t.close();
    await register?.close();
  });

  const requestsFor = (zaak: Zaak) =>
    register.received.filter((request) => request.path.endsWith(`/${zaak.identificatie}`));

  async function registerZaak(omschrijving: string): Promise<Zaak> {
    const behandelaar = await t.as('behandelaar2');
    const created = await behandelaar<Zaak>(
      'POST',
      '/api/zaken',
      {
        zaaktype: 'worker-steps',
        omschrijving,
        initiator: { type: 'natuurlijk_persoon', bsn: '999993653', naam: 'J. Jansen' },
      },
      { 'idempotency-key': crypto.randomUUID() },
    );
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return created.body;
  }

  async function rollenOf(zaak: Zaak): Promise<Rol[]> {
    const read = await (
      await t.as('coordinator')
    )<{ rollen: Rol[] }>('GET', `/api/zaken/${zaak.id}`);
    return read.body.rollen.filter((rol) => rol.roltype === 'Behandelaar');
  }

  async function search<T>(path: string, filter: Record<string, unknown>): Promise<T[]> {
    const found = await (await t.as('coordinator'))<{ items: T[] }>('POST', path, { filter });
    expect(found.status, JSON.stringify(found.body)).toBe(200);
    return found.body.items;
  }

  /** The process variables of the zaak's instance, every scope, by name (values parsed). */
  async function variablesOf(zaak: Zaak): Promise<Record<string, unknown>> {
    const { processInstanceKey } = await t.zaak(zaak.id);
    const items = await search<{ name: string; value: string }>('/v2/variables/search', {
      processInstanceKey,
    });
    return Object.fromEntries(items.map((v) => [v.name, JSON.parse(v.value) as unknown]));
  }

  async function jobAt(zaak: Zaak, elementId: string): Promise<EngineJob | undefined> {
    const { processInstanceKey } = await t.zaak(zaak.id);
    if (!processInstanceKey) return undefined;
    const jobs = await search<EngineJob>('/v2/jobs/search', { processInstanceKey, elementId });
    return jobs[0];
  }

  it('posts the FEEL-built body once, keeps the answer in a variable and adds the named behandelaar once', async () => {
    // given the register works
    register.answer = registers;
    // when a zaak starts its process
    const zaak = await registerZaak('Omgevallen boom Parklaan');
    await t.untilStatus(zaak.id, 'In behandeling');

    // then the register got one POST with the body the input mapping built
    const [request, ...more] = requestsFor(zaak);
    expect(more).toEqual([]);
    expect(request).toMatchObject({
      method: 'POST',
      path: `/registraties/${zaak.identificatie}`,
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: { zaaknummer: zaak.identificatie, omschrijving: 'Omgevallen boom Parklaan' },
    });
    // and its answer is the process variable registratie
    const variables = await variablesOf(zaak);
    expect(variables.registratie).toEqual({
      status: 201,
      body: { kenmerk: `REG-${zaak.identificatie}`, behandelaar: BEHANDELAAR },
    });
    // and the zaak has the behandelaar the register named, once
    const expectedRol = {
      roltype: 'Behandelaar',
      betrokkene: { type: 'medewerker', ...BEHANDELAAR },
      toelichting: 'Aangewezen door het beheerregister',
    };
    expect(await rollenOf(zaak)).toEqual([expect.objectContaining(expectedRol)]);

    // when the engine hands the same zaak.rol job out again (a worker died before CompleteJob)
    const job = await jobAt(zaak, 'behandelaarToevoegen');
    expect(job).toBeDefined();
    const outcome = await jobHandlers['zaak.rol']!(variables, job!.customHeaders, {
      platform: createPlatformClient({
        baseUrl: t.url,
        clientId: 'zaakstroom-workers',
        clientSecret: WORKER_SECRET,
      }),
      mail: { send: () => Promise.reject(new Error('zaak.rol sends no mail')) },
      logger: pino({ level: 'silent' }),
      job: {
        key: job!.jobKey,
        type: 'zaak.rol',
        processInstanceKey: (await t.zaak(zaak.id)).processInstanceKey!,
        elementId: 'behandelaarToevoegen',
        retries: job!.retries,
      },
    });
    // then it completes again and the zaak still has that behandelaar once
    expect(outcome).toEqual({ outcome: 'complete' });
    expect(await rollenOf(zaak)).toEqual([expect.objectContaining(expectedRol)]);
  });

  it('retries a 500 with back-off on the engine clock, then raises an incident naming the answer', async () => {
    // given the register is down, and the engine clock stands still
    register.answer = isDown;
    await t.pinClock('2031-03-03T09:00:00+01:00');
    const pinnedAt = Date.parse('2031-03-03T09:00:00+01:00');
    // when a zaak starts its process
    const zaak = await registerZaak('Lantaarnpaal kapot Dorpsstraat');
    const url = `${register.url}/registraties/${zaak.identificatie}`;
    const failure = `POST ${url} answered 500: Register in onderhoud`;
    const untilRetries = (retries: number) =>
      t.until(async () => {
        const job = await jobAt(zaak, 'registreren');
        return job?.retries === retries ? job : undefined;
      }, `the http.request job with ${retries} retries left`);
    const backOffUntil = async (jobKey: string) => {
      const row = await t
        .db<{ key: string; retry_backoff_until: Date | string | null }>('engine_jobs')
        .where({ key: jobKey })
        .first('retry_backoff_until');
      const until = row?.retry_backoff_until;
      return until ? new Date(until).getTime() : null;
    };

    // then the first failure leaves 2 retries and a back-off of 5 s on the engine clock
    const first = await untilRetries(2);
    expect(first.errorMessage).toBe(failure);
    expect(await backOffUntil(first.jobKey)).toBe(pinnedAt + 5_000);
    expect(requestsFor(zaak)).toHaveLength(1);
    // and after 5 s the second attempt fails, with 10 s back-off
    await t.moveClock('PT5S');
    await untilRetries(1);
    expect(await backOffUntil(first.jobKey)).toBe(pinnedAt + 15_000);
    expect(requestsFor(zaak)).toHaveLength(2);
    // and after 10 s more the third attempt fails and raises an incident with the register's answer
    await t.moveClock('PT10S');
    const [incident] = await t.until(async () => {
      const { processInstanceKey } = await t.zaak(zaak.id);
      const found = await search<{ incidentKey: string; errorType: string; errorMessage: string }>(
        '/v2/incidents/search',
        { processInstanceKey, state: 'ACTIVE' },
      );
      return found.length > 0 ? found : undefined;
    }, 'the incident');
    expect(incident).toMatchObject({
      errorType: 'JOB_NO_RETRIES',
      elementId: 'registreren',
      errorMessage: failure,
    });
    expect(requestsFor(zaak)).toHaveLength(3);
    // and the process went no further: no behandelaar, no status
    expect(await rollenOf(zaak)).toEqual([]);
    expect((await t.zaak(zaak.id)).statussen).toEqual([]);

    // when the register is back and an operator retries the job over gRPC
    register.answer = registers;
    await t.retryFailedJob(first.jobKey, incident!.incidentKey);
    // then the process goes on and the zaak gets its behandelaar
    await t.untilStatus(zaak.id, 'In behandeling');
    expect(requestsFor(zaak)).toHaveLength(4);
    expect(await rollenOf(zaak)).toHaveLength(1);
  });
});
