import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GatewayHarness } from '../../engine/gateway/grpc/testing/gatewayHarness.js';
import { setAccount } from '../auth/accountAdmin.js';
import { AuthTestApp, type LoggedIn } from '../auth/testing/authTestApp.js';
import { CatalogusService, loadZaaktypeFromJson } from '../catalogus/index.js';
import { takenRouter } from './router.js';
import { TakenService } from './service.js';
import type { Taak, TakenPage } from './types.js';
import { startUserTaskWorker } from './userTaskWorker.js';
import { untilWith } from '../../testing/until.js';

const bpmn = readFileSync(new URL('./fixtures/takenFlow.bpmn', import.meta.url));
const beoordelenForm = JSON.parse(
  readFileSync(new URL('./fixtures/takenFlow.beoordelen.form', import.meta.url), 'utf8'),
) as Record<string, unknown>;
/** A valid zaaktype to hang the form on; its content does not matter here. */
const zaaktypeJson = readFileSync(
  new URL('../catalogus/fixtures/omgevingsvergunning.zaaktype.json', import.meta.url),
  'utf8',
);

const until = untilWith();

describe('taken: user tasks from the real engine, through the HTTP API', () => {
  let harness: GatewayHarness;
  let app: AuthTestApp;
  let service: TakenService;
  let worker: { close(): Promise<void> };
  let bram: LoggedIn;
  let bo: LoggedIn;
  let cor: LoggedIn;

  /** The engine drops finished element instances or marks them completed; either way it is done. */
  const untilProcessCompleted = (processInstanceKey: string) =>
    until(async () => {
      const row = (await harness
        .db('engine_element_instances')
        .where({ key: processInstanceKey })
        .first()) as { state?: string } | undefined;
      return !row || /COMPLETED/.test(row.state ?? '') ? true : undefined;
    }, 'the process instance to complete');
  const auditActions = (taakId: string): Promise<string[]> =>
    app
      .db('audit_trail')
      .where({ resource_type: 'taak', resource_id: taakId })
      .orderBy('id')
      .pluck('action');

  beforeAll(async () => {
    harness = await GatewayHarness.start();
    app = new AuthTestApp();
    await app.start({
      routers: (auth) => {
        service = new TakenService({ db: app.db, engine: harness.zeebe });
        return [takenRouter({ service, requireRole: auth.requireRole })];
      },
    });
    // A short lock so the test sees the engine offer the same job again.
    worker = startUserTaskWorker({
      zeebe: harness.zeebe,
      service,
      logger: pino({ level: 'silent' }),
      lockMs: 400,
      longPollMs: 200,
    });
    await harness.zeebe.deployResource({ process: bpmn, name: 'takenFlow.bpmn' });
    [bram, bo, cor] = [
      await app.login('behandelaar'),
      await app.login('behandelaar2'),
      await app.login('coordinator'),
    ];
  });
  afterAll(async () => {
    await worker.close();
    await app.close();
    await harness.stop();
  });

  const call = async <T>(who: LoggedIn, method: string, path: string, body?: unknown) => {
    const response = await app.fetch(path, {
      method,
      cookie: who.cookie,
      csrfToken: who.csrfToken,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as T };
  };

  async function startInstance(zaakId: string): Promise<Taak> {
    const instance = await harness.zeebe.createProcessInstance({
      bpmnProcessId: 'takenFlow',
      variables: { zaak: { id: zaakId, identificatie: 'ZAAK-1' } },
    });
    return until(async () => {
      const page = (await call<TakenPage>(cor, 'GET', `/api/taken?scope=all&zaakId=${zaakId}`))
        .body;
      const taak = page.taken.find((t) => t.processInstanceKey === instance.processInstanceKey);
      return taak;
    }, 'the task to be stored');
  }

  it('given a user task job, then stores one task with candidate group, due date, form and zaak', async () => {
    const taak = await startInstance('zaak-a');
    expect(taak).toMatchObject({
      state: 'open',
      elementId: 'beoordelen',
      candidateGroups: ['team-vergunningen'],
      formKey: 'camunda-forms:bpmn:beoordelen',
      zaakId: 'zaak-a',
      variables: { zaak: { id: 'zaak-a', identificatie: 'ZAAK-1' } },
    });
    expect(new Date(taak.dueDate as unknown as string).toISOString()).toBe(
      '2026-12-24T17:00:00.000Z',
    );
  });

  it('given the lock runs out, when the engine offers the job again, then there is still one task (same job key)', async () => {
    const taak = await startInstance('zaak-lock');
    const firstDeadline = taak.jobDeadline;
    const reactivated = await until(async () => {
      const again = (await call<Taak>(cor, 'GET', `/api/taken/${taak.id}`)).body;
      return again.jobDeadline !== firstDeadline ? again : undefined;
    }, 'a re-activation after the lock expired');
    expect(reactivated.id).toBe(taak.id);
    const rows = await app.db('taken').where({ job_key: taak.jobKey });
    expect(rows).toHaveLength(1);
  });

  it('given a group task, then the group member sees and claims it, others do not see it, and it completes in the engine', async () => {
    const taak = await startInstance('zaak-b');
    const groupOfBram = (await call<TakenPage>(bram, 'GET', '/api/taken?scope=group')).body;
    expect(groupOfBram.taken.map((t) => t.id)).toContain(taak.id);
    expect(
      (await call<TakenPage>(bo, 'GET', '/api/taken?scope=group')).body.taken.map((t) => t.id),
    ).not.toContain(taak.id);
    expect((await call(bo, 'POST', `/api/taken/${taak.id}/claim`)).status).toBe(404);
    expect((await call(bo, 'GET', '/api/taken?scope=all')).status).toBe(403);

    expect((await call<Taak>(bram, 'POST', `/api/taken/${taak.id}/claim`)).body).toMatchObject({
      state: 'claimed',
      assignee: 'behandelaar',
    });
    expect((await call<Taak>(bram, 'POST', `/api/taken/${taak.id}/claim`)).status).toBe(200); // idempotent
    expect(
      (await call<TakenPage>(bram, 'GET', '/api/taken?scope=mine')).body.taken.map((t) => t.id),
    ).toContain(taak.id);
    expect(
      (await call<Taak>(bram, 'POST', `/api/taken/${taak.id}/draft`, { data: { besluit: 'ver' } }))
        .body.draft,
    ).toEqual({ besluit: 'ver' });

    const notAnObject = await call<{ error: { message: string } }>(
      bram,
      'POST',
      `/api/taken/${taak.id}/complete`,
      { variables: ['x'] },
    );
    expect(notAnObject.status).toBe(400);
    const done = await call<Taak>(bram, 'POST', `/api/taken/${taak.id}/complete`, {
      variables: { besluit: 'verleend' },
    });
    expect(done.body).toMatchObject({
      state: 'completed',
      endedBy: 'behandelaar',
      result: { besluit: 'verleend' },
      draft: null,
    });

    expect(await untilProcessCompleted(taak.processInstanceKey)).toBe(true);
    const audit = await auditActions(taak.id);
    expect(audit).toEqual([
      'taak.aangemaakt',
      'taak.geclaimd',
      'taak.concept_opgeslagen',
      'taak.afgerond',
    ]);
  });

  it('given a coordinator, then assigns a task; the assignee (not the coordinator) may complete it', async () => {
    const taak = await startInstance('zaak-c');
    expect(
      (await call(bram, 'POST', `/api/taken/${taak.id}/assign`, { assignee: 'behandelaar2' }))
        .status,
    ).toBe(403);
    expect(
      (await call<Taak>(cor, 'POST', `/api/taken/${taak.id}/assign`, { assignee: 'behandelaar2' }))
        .body,
    ).toMatchObject({ state: 'claimed', assignee: 'behandelaar2' });
    expect(
      (await call(cor, 'POST', `/api/taken/${taak.id}/complete`, { variables: {} })).status,
    ).toBe(403);
    expect((await call<Taak>(bo, 'POST', `/api/taken/${taak.id}/unclaim`)).body).toMatchObject({
      state: 'open',
      assignee: null,
    });
  });

  it('given the process instance was cancelled, when completing, then the task is marked cancelled and 409 explains', async () => {
    const taak = await startInstance('zaak-d');
    await call(bram, 'POST', `/api/taken/${taak.id}/claim`);
    await harness.zeebe.cancelProcessInstance(taak.processInstanceKey);
    const refused = await call<{ error: { name: string; message: string } }>(
      bram,
      'POST',
      `/api/taken/${taak.id}/complete`,
      { variables: { a: 1 } },
    );
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain('no longer exists in the process');
    expect((await call<Taak>(cor, 'GET', `/api/taken/${taak.id}`)).body.state).toBe('cancelled');
  });

  async function registerZaak(
    identificatie: string,
    omschrijving: string,
    fataal: string,
    zaaktype = 'melding-openbare-ruimte',
  ) {
    const id = randomUUID();
    await app.db('zaken').insert({
      id,
      identificatie,
      bronorganisatie: '002220647',
      zaaktype_identificatie: zaaktype,
      zaaktype_versie: 1,
      omschrijving,
      registratiedatum: '2026-11-26',
      startdatum: '2026-11-26',
      uiterlijke_einddatum_afdoening: fataal,
      vertrouwelijkheidaanduiding: 'openbaar',
      created_by: 'test',
    });
    return id;
  }

  it('given tasks of registered zaken, then the server searches and sorts them, with the zaak as the register has it', async () => {
    const early = await startInstance(
      await registerZaak('ZAAK-2026-0000901', 'Boom omgevallen', '2026-12-01'),
    );
    const late = await startInstance(
      await registerZaak('ZAAK-2026-0000902', 'Losse stoeptegel', '2026-12-20'),
    );
    const list = async (query: string) =>
      (await call<TakenPage>(cor, 'GET', `/api/taken?scope=all&${query}`)).body.taken.map(
        (t) => t.id,
      );

    expect(await list('q=stoeptegel')).toEqual([late.id]);
    expect(await list('q=ZAAK-2026-00009&sort=zaakFataleDatum')).toEqual([early.id, late.id]);
    expect(await list('q=ZAAK-2026-00009&sort=-zaakFataleDatum')).toEqual([late.id, early.id]);
    expect(await list('q=100%25')).toEqual([]); // % is text, not a wildcard
    const page = (await call<TakenPage>(cor, 'GET', '/api/taken?scope=all&q=Boom')).body;
    expect(page.taken[0]?.zaak).toEqual({
      identificatie: 'ZAAK-2026-0000901',
      omschrijving: 'Boom omgevallen',
      zaaktype: 'melding-openbare-ruimte',
      uiterlijkeEinddatumAfdoening: '2026-12-01',
    });
    const badSort = await call<{ error: { message: string } }>(cor, 'GET', '/api/taken?sort=zaak');
    expect(badSort.status).toBe(400);
    expect(JSON.stringify(badSort.body)).toContain('sort');
  });

  it('given a coordinator, then distributes several tasks at once with a reason, all or nothing, and gives them back', async () => {
    const [first, second, gone] = [
      await startInstance('zaak-v1'),
      await startInstance('zaak-v2'),
      await startInstance('zaak-v3'),
    ];
    const ids = [first.id, second.id];
    const reden = 'Vakantie van behandelaar';
    expect(
      (
        await call(bram, 'POST', '/api/taken/verdelen', {
          taakIds: ids,
          assignee: 'behandelaar2',
          reden,
        })
      ).status,
    ).toBe(403);
    const unknown = await call(cor, 'POST', '/api/taken/verdelen', {
      taakIds: ids,
      assignee: 'niemand',
      reden,
    });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body)).toContain('assignee');
    expect(
      (
        await call(cor, 'POST', '/api/taken/verdelen', {
          taakIds: ids,
          assignee: 'behandelaar2',
          reden: ' ',
        })
      ).status,
    ).toBe(400);

    await harness.zeebe.cancelProcessInstance(gone.processInstanceKey);
    await call(bram, 'POST', `/api/taken/${gone.id}/claim`);
    await call(bram, 'POST', `/api/taken/${gone.id}/complete`, { variables: {} }); // closes it as cancelled
    const mixed = await call(cor, 'POST', '/api/taken/verdelen', {
      taakIds: [...ids, gone.id],
      assignee: 'behandelaar2',
      reden,
    });
    expect(mixed.status).toBe(409);
    expect((await call<Taak>(cor, 'GET', `/api/taken/${first.id}`)).body.assignee).toBeNull();

    const medewerkers = await call<{ medewerkers: { username: string }[] }>(
      cor,
      'GET',
      '/api/taken/medewerkers',
    );
    expect(medewerkers.body.medewerkers.map((m) => m.username)).toContain('behandelaar2');
    const verdeeld = await call<{ taken: Taak[] }>(cor, 'POST', '/api/taken/verdelen', {
      taakIds: ids,
      assignee: 'behandelaar2',
      reden,
    });
    expect(verdeeld.body.taken.map((t) => [t.state, t.assignee])).toEqual([
      ['claimed', 'behandelaar2'],
      ['claimed', 'behandelaar2'],
    ]);
    const remarks = await app
      .db('audit_trail')
      .whereIn('resource_id', ids)
      .where({ action: 'taak.toegewezen' })
      .pluck('remark');
    expect(remarks).toEqual([reden, reden]);

    const terug = await call<{ taken: Taak[] }>(cor, 'POST', '/api/taken/verdelen', {
      taakIds: ids,
      assignee: null,
      reden: 'Terug naar de groep',
    });
    expect(terug.body.taken.map((t) => [t.state, t.assignee])).toEqual([
      ['open', null],
      ['open', null],
    ]);
  });

  it("given two members of the candidate group and one outsider, then claiming takes the task off the other member's unassigned list, and completion is checked against the form", async () => {
    // given a zaak whose zaaktype has the task's form, and a second member of team-vergunningen
    await new CatalogusService({ db: app.db }).createConcept({
      ...loadZaaktypeFromJson(zaaktypeJson),
      identificatie: 'taken-formulier',
      forms: { beoordelen: beoordelenForm },
    });
    const password = 'een-lang-wachtwoord';
    await setAccount(app.db, {
      username: 'behandelaar3',
      password,
      roles: ['behandelaar'],
      groups: ['team-vergunningen'],
    });
    const bea = await app.login('behandelaar3', password);
    const zaakId = await registerZaak(
      'ZAAK-2026-0000950',
      'Dakkapel',
      '2026-12-31',
      'taken-formulier',
    );
    const taak = await startInstance(zaakId);
    const unassigned = async (who: LoggedIn) =>
      (
        await call<TakenPage>(who, 'GET', '/api/taken?scope=group&assignee=-&limit=200')
      ).body.taken.map((t) => t.id);

    // then both members see it unassigned, the outsider (other teams) not at all
    expect(await unassigned(bram)).toContain(taak.id);
    expect(await unassigned(bea)).toContain(taak.id);
    expect(await unassigned(bo)).not.toContain(taak.id);
    expect((await call(bo, 'GET', `/api/taken/${taak.id}`)).status).toBe(404);
    // and the task carries the form its page shows, found in the zaak's zaaktype version
    expect((await call<Taak>(bea, 'GET', `/api/taken/${taak.id}`)).body).toMatchObject({
      formSchema: beoordelenForm,
    });

    // when one member claims it, then it leaves the other's unassigned list; Groepstaken shows who has it
    expect((await call(bram, 'POST', `/api/taken/${taak.id}/claim`)).status).toBe(200);
    expect(await unassigned(bea)).not.toContain(taak.id);
    const groepstaken = (await call<TakenPage>(bea, 'GET', '/api/taken?scope=group&limit=200')).body
      .taken;
    expect(groepstaken.find((t) => t.id === taak.id)).toMatchObject({
      state: 'claimed',
      assignee: 'behandelaar',
    });
    expect((await call(bea, 'POST', `/api/taken/${taak.id}/claim`)).status).toBe(409);

    // when completed with data the form refuses, then 400 names each field and nothing changes
    type Refusal = { error: { name: string; details: { problems: unknown[] } } };
    const complete = (who: LoggedIn, variables: Record<string, unknown>) =>
      call<Refusal>(who, 'POST', `/api/taken/${taak.id}/complete`, { variables });
    const wrong = await complete(bram, { besluit: 'misschien', motivering: 'x'.repeat(201) });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.name).toBe('InputError');
    expect(wrong.body.error.details.problems).toEqual([
      {
        path: 'besluit',
        label: 'Besluit',
        message: 'Kies een van de opties: verleend, geweigerd.',
      },
      { path: 'motivering', label: 'Motivering', message: 'Hoogstens 200 tekens.' },
    ]);
    const incomplete = await complete(bram, { besluit: 'geweigerd' });
    expect(incomplete.status).toBe(400);
    expect(incomplete.body.error.details.problems).toEqual([
      { path: 'weigeringsgrond', label: 'Weigeringsgrond', message: 'Dit veld is verplicht.' },
      { path: 'motivering', label: 'Motivering', message: 'Dit veld is verplicht.' },
    ]);
    expect((await call<Taak>(bram, 'GET', `/api/taken/${taak.id}`)).body).toMatchObject({
      state: 'claimed',
      assignee: 'behandelaar',
      result: null,
    });
    // then the task is still the group's: released, the other member claims and completes it
    expect((await call(bram, 'POST', `/api/taken/${taak.id}/unclaim`)).status).toBe(200);
    expect(await unassigned(bea)).toContain(taak.id);
    expect((await call(bea, 'POST', `/api/taken/${taak.id}/claim`)).status).toBe(200);
    const variables = {
      besluit: 'geweigerd',
      weigeringsgrond: 'Strijd met het omgevingsplan',
      motivering: 'De dakkapel past niet in het straatbeeld.',
    };
    // (had a refused attempt reached CompleteJob, the job would be gone and this would answer 409)
    const done = await call<Taak>(bea, 'POST', `/api/taken/${taak.id}/complete`, { variables });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({
      state: 'completed',
      endedBy: 'behandelaar3',
      result: variables,
    });
    expect(await untilProcessCompleted(taak.processInstanceKey)).toBe(true);
    const actions = await auditActions(taak.id);
    expect(actions.filter((action) => action === 'taak.afgerond')).toHaveLength(1);
  });
});
