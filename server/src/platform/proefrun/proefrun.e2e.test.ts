import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setAccount } from '../../modules/auth/accountAdmin.js';
import { loadZaaktypeFromJson } from '../../modules/catalogus/index.js';
import { ZaaktypeTestServer, type Session } from '../zaaktypen/testing/zaaktypeTestServer.js';
import { MODEL_FORM_KEY } from '../modelDeployment.js';

const processes = new URL('../../../../processes/melding-openbare-ruimte/', import.meta.url);

/** The MOR forms by id, as the Beheer editor keeps them beside the model. */
async function userTaskForms(): Promise<Record<string, unknown>> {
  const forms: Record<string, unknown> = {};
  for (const id of ['mor-melding-beoordelen', 'mor-melding-afhandelen'])
    forms[id] = JSON.parse(await readFile(new URL(`forms/${id}.form`, processes), 'utf8'));
  return forms;
}
const VERSIE = '/api/catalogus/zaaktypen/mor-proef/versies/1';
const MELDER = 'proefmelder@voorbeeld.nl';

interface ProefZaak {
  id: string;
  identificatie: string;
  proefrun: boolean;
  proefrunGestartDoor: string | null;
  processInstanceKey: string | null;
  statussen: { statustype: string }[];
}
interface Taak {
  id: string;
  elementId: string;
  zaakId: string | null;
  state: string;
  assignee: string | null;
  candidateGroups: string[];
  proefrun: boolean;
}

/**
 * A beheerder's proefrun of a concept on the real server and engine (PGlite, or TEST_DATABASE_URL):
 * a sandbox process, a zaak only its starter sees and works, left out of every list and figure.
 */
describe('proefrun of a zaaktype version', { timeout: 120_000 }, () => {
  const t = new ZaaktypeTestServer({
    identificatie: 'melding-openbare-ruimte',
    omschrijving: 'Melding openbare ruimte',
    behandelaar: 'behandelaar2',
    initiatorEmail: 'melder@voorbeeld.nl',
  });
  let beheerder: Session;
  let zaak: ProefZaak;
  let taakId: string;
  let xml: string;
  let concept: Record<string, unknown>;

  const processVersions = async (bpmnProcessId: string): Promise<number[]> =>
    (
      await t
        .db('engine_process_definitions')
        .where({ bpmn_process_id: bpmnProcessId })
        .orderBy('version')
        .select<{ version: number }[]>('version')
    ).map((row) => Number(row.version));
  const intake = {
    omschrijving: 'Proef: kapotte lantaarnpaal',
    initiator: { type: 'natuurlijk_persoon', bsn: '999993653', naam: 'T. Proef', email: MELDER },
  };

  beforeAll(async () => {
    await t.start();
    beheerder = await t.as('beheerder');
    // a concept drawn in Beheer: the MOR zaaktype under another identificatie, its model saved with it
    xml = await readFile(new URL('process.bpmn', processes), 'utf8');
    const zaaktype = loadZaaktypeFromJson(
      await readFile(new URL('zaaktype.json', processes), 'utf8'),
      'zaaktype.json',
    );
    concept = {
      ...zaaktype,
      identificatie: 'mor-proef',
      bpmnProcessId: null,
      processVersion: null,
      processDefinitionKey: null,
      forms: { ...(await userTaskForms()), [MODEL_FORM_KEY]: { xml } },
    };
    const created = await beheerder('POST', '/api/catalogus/zaaktypen', concept);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
  }, 120_000);
  afterAll(() => t.close());

  it('refuses a version whose model publishing would refuse, naming every problem', async () => {
    // given a concept without resultaattypen, whose model sets resultaten
    const { identificatie: _identificatie, ...content } = concept;
    void _identificatie;
    const broken = await beheerder('PUT', VERSIE, { ...content, resultaattypen: [] });
    expect(broken.status, JSON.stringify(broken.body)).toBe(200);
    // when the beheerder starts a proefrun
    const refused = await beheerder<{
      error: { message: string; details: { problems: string[] } };
    }>('POST', `${VERSIE}/proefrun`, intake);
    // then it is refused with the problems, and nothing was deployed
    expect(refused.status).toBe(409);
    expect(refused.body.error.details.problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('resultaattypen: add at least one'),
        expect.stringContaining('resultaattype "Opgelost" is used by the process model'),
      ]),
    );
    expect(await processVersions('proefrun-melding-openbare-ruimte')).toEqual([]);
    const fixed = await beheerder('PUT', VERSIE, content);
    expect(fixed.status, JSON.stringify(fixed.body)).toBe(200);
  });

  it('deploys the concept as a sandbox process and registers a flagged zaak, leaving the real process alone', async () => {
    // given the real zaaktype's deployed process versions
    const real = await processVersions('melding-openbare-ruimte');
    expect(real.length).toBeGreaterThan(0);
    await t.pinClock('2030-12-02T08:00:00+01:00');
    // when the beheerder starts a proefrun
    const started = await beheerder<ProefZaak>('POST', `${VERSIE}/proefrun`, intake);
    // then a flagged zaak with a proefrun number runs the sandbox process
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    zaak = started.body;
    expect(zaak).toMatchObject({ proefrun: true, proefrunGestartDoor: 'beheerder' });
    expect(zaak.identificatie).toMatch(/^PROEF-mor-proef-\d+$/);
    expect(await processVersions('proefrun-melding-openbare-ruimte')).toEqual([1]);
    expect(await processVersions('melding-openbare-ruimte')).toEqual(real);
    // and the real zaaknummers go on unbroken
    const echt = await t.register('2030-12-02T09:00:00+01:00', 'Echte melding');
    expect(echt.identificatie).toBe('ZAAK-2030-0000001');
  });

  it('gives its task to the beheerder who started it, who completes it', async () => {
    // given the proefrun's first task
    const taak = await t.until(async () => {
      const page = await beheerder<{ taken: Taak[] }>('GET', `/api/taken?zaakId=${zaak.id}`);
      expect(page.status, JSON.stringify(page.body)).toBe(200);
      return page.body.taken.find((found) => found.elementId === 'MeldingBeoordelen');
    }, 'the proefrun task');
    // then it is the beheerder's, for no group
    expect(taak).toMatchObject({
      state: 'claimed',
      assignee: 'beheerder',
      candidateGroups: [],
      proefrun: true,
    });
    expect((await beheerder('GET', `/api/zaken/${zaak.id}`)).status).toBe(200);
    taakId = taak.id;
    // when the beheerder completes it
    const completed = await beheerder('POST', `/api/taken/${taak.id}/complete`, {
      variables: { categorie: 'afval', spoed: false, triageToelichting: 'Proef' },
    });
    expect(completed.status, JSON.stringify(completed.body)).toBe(200);
    // then the sandbox process goes on and sets the zaak's status
    zaak = await t.until(async () => {
      const read = await beheerder<ProefZaak>('GET', `/api/zaken/${zaak.id}`);
      return read.body.statussen.some((s) => s.statustype === 'In behandeling')
        ? read.body
        : undefined;
    }, 'status In behandeling on the proefrun zaak');
    expect(zaak.processInstanceKey).not.toBeNull();
  });

  it('answers 404 to anybody but its starter: behandelaar, coordinator, another beheerder', async () => {
    await setAccount(t.db, {
      username: 'beheerder2',
      password: 'proefrun-geheim-2',
      roles: ['beheerder'],
      groups: ['team-openbare-ruimte'],
    });
    const others = [
      await t.as('behandelaar2'),
      await t.as('coordinator'),
      await t.as('beheerder2', 'proefrun-geheim-2'),
    ];
    for (const other of others) {
      expect((await other('GET', `/api/zaken/${zaak.id}`)).status).toBe(404);
      expect((await other('GET', `/api/zaken/${zaak.id}/incidenten`)).status).toBe(404);
      expect((await other('GET', `/api/taken/${taakId}`)).status).toBe(404);
    }
  });

  it('is left out of zaak search, werkvoorraad, Overzicht, signaleringen and the citizen mail', async () => {
    const behandelaar = await t.as('behandelaar2');
    const coordinator = await t.as('coordinator');
    const leaks = (body: unknown) =>
      JSON.stringify(body).includes(zaak.id) || JSON.stringify(body).includes('PROEF-');
    for (const [session, path] of [
      [behandelaar, '/api/zaken?q=PROEF'],
      [behandelaar, '/api/zaken?zaaktype=mor-proef'],
      [coordinator, '/api/zaken?pageSize=100'],
      [behandelaar, '/api/taken?scope=group&state=open,claimed,completed'],
      [coordinator, '/api/taken?scope=all&state=open,claimed,completed'],
      [coordinator, '/api/overzicht'],
      [coordinator, '/api/overzicht/termijnen'],
    ] as const) {
      const read = await session('GET', path);
      expect(read.status, `${path}: ${JSON.stringify(read.body)}`).toBe(200);
      expect(leaks(read.body), `${path} shows the proefrun`).toBe(false);
    }
    // the beheerder's own zaak search leaves it out too
    const own = await beheerder<{ total: number }>('GET', '/api/zaken?q=PROEF');
    expect(own.body.total).toBe(0);
    // one real zaak is open: the one registered above
    const dashboard = await coordinator<{ kpis: { openZaken: number } }>('GET', '/api/overzicht');
    expect(dashboard.body.kpis.openZaken).toBe(1);
    // nor in signaleringen: once the feed has told the team of the real zaak's task (audited after
    // the proefrun's), there is still none about the proefrun
    await t.until(async () => {
      const real = await t.db('signaleringen').whereNot('zaak_id', zaak.id).first();
      return real ? true : undefined;
    }, 'a signalering about the real zaak');
    expect(await t.db('signaleringen').where('zaak_id', zaak.id)).toEqual([]);
    // and the made-up initiator got no intake mail
    expect(t.mailsTo(MELDER)).toEqual([]);
    const links = await t.db('burger_statuslinks').where({ zaak_id: zaak.id });
    expect(links).toEqual([]);
  });

  it('ends: the process is cancelled and the proefrun zaken and tasks are removed', async () => {
    // given a second proefrun of the same, unchanged version: the engine keeps one sandbox version
    const again = await beheerder<ProefZaak>('POST', `${VERSIE}/proefrun`, intake);
    expect(again.status, JSON.stringify(again.body)).toBe(201);
    expect(await processVersions('proefrun-melding-openbare-ruimte')).toEqual([1]);
    // when the beheerder ends the proefruns of the version
    const ended = await beheerder<{ verwijderd: number }>('DELETE', `${VERSIE}/proefrun`);
    expect(ended.status, JSON.stringify(ended.body)).toBe(200);
    expect(ended.body.verwijderd).toBe(2);
    expect((await beheerder('GET', `/api/zaken/${zaak.id}`)).status).toBe(404);
    expect(await t.db('taken').where({ zaak_id: zaak.id })).toEqual([]);
    const instance = await (
      await t.as('coordinator')
    )<{ state: string }>('GET', `/v2/process-instances/${zaak.processInstanceKey ?? ''}`);
    expect(instance.body.state).toBe('TERMINATED');
    // and the real zaak is untouched
    const real = await t.db('zaken').select<{ identificatie: string }[]>('identificatie');
    expect(real.map((row) => row.identificatie)).toEqual(['ZAAK-2030-0000001']);
  });

  it('ends the proefruns of a concept that is deleted, so none is left without its version', async () => {
    // given a proefrun of a second zaaktype's concept
    const { identificatie: _identificatie, ...content } = concept;
    void _identificatie;
    const created = await beheerder('POST', '/api/catalogus/zaaktypen', {
      ...content,
      identificatie: 'mor-weg',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const weg = '/api/catalogus/zaaktypen/mor-weg/versies/1';
    const started = await beheerder<ProefZaak>('POST', `${weg}/proefrun`, intake);
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    // when the concept is deleted
    expect((await beheerder('DELETE', weg)).status).toBe(204);
    // then its proefrun zaak is gone with it
    expect(await t.db('zaken').where({ id: started.body.id })).toEqual([]);
  });
});
