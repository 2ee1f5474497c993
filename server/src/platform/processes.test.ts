import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBpmn, type ExecutableProcess } from '../engine/model/index.js';
import { EngineHarness } from '../engine/testing/engineHarness.js';
import { loadZaaktypeFromJson } from '../modules/catalogus/index.js';
import { demoGroups } from '../modules/auth/index.js';

/**
 * Every example zaaktype in processes/: the model is sound for the platform (statuses and results
 * exist in the catalogue, every user task has a group and a form, the diagram is complete), and
 * the real engine runs its happy path and one alternative path to the end.
 */
const processesDir = new URL('../../../processes/', import.meta.url);
const folders = readdirSync(processesDir, { withFileTypes: true })
  .filter(
    (entry) =>
      entry.isDirectory() && existsSync(new URL(`${entry.name}/process.bpmn`, processesDir)),
  )
  .map((entry) => entry.name)
  .sort();

const USER_TASK = 'io.camunda.zeebe:userTask';
const DAY = 24 * 3_600_000;

const fileText = (folder: string, path: string) =>
  readFileSync(new URL(`${folder}/${path}`, processesDir), 'utf8');

function zaakVariables(zaaktype: string, email: string | null = 'melder@example.nl') {
  return {
    zaakId: '6f0c7a52-0a5e-4a53-9a53-2f8f1c1d0001',
    zaak: {
      id: '6f0c7a52-0a5e-4a53-9a53-2f8f1c1d0001',
      identificatie: `ZAAK-2026-${Math.floor(Math.random() * 1e7)
        .toString()
        .padStart(7, '0')}`,
      zaaktype,
      omschrijving: 'Voorbeeldzaak',
      startdatum: '2026-03-02',
      einddatumGepland: '2026-03-09',
      uiterlijkeEinddatumAfdoening: '2026-03-30',
      initiator: {
        type: 'natuurlijk_persoon',
        bsn: '999993653',
        naam: 'J. Jansen',
        ...(email ? { email } : {}),
      },
    },
  };
}

describe('the example processes in processes/', () => {
  it('are found', () => {
    expect(folders).toEqual(
      expect.arrayContaining([
        'bezwaar',
        'melding-openbare-ruimte',
        'omgevingsvergunning',
        'woo-verzoek',
      ]),
    );
  });

  describe.each(folders)('%s', (folder) => {
    let model: ExecutableProcess;
    const xml = fileText(folder, 'process.bpmn');
    const zaaktype = loadZaaktypeFromJson(
      fileText(folder, 'zaaktype.json'),
      `processes/${folder}/zaaktype.json`,
    );

    beforeAll(async () => {
      const result = await readBpmn(xml);
      if (!result.ok)
        throw new Error(`process.bpmn does not deploy: ${JSON.stringify(result.problems)}`);
      expect(result.warnings).toEqual([]);
      expect(result.processes).toHaveLength(1);
      model = result.processes[0]!;
    });

    it('is the process its zaaktype.json is bound to', () => {
      expect(model.bpmnProcessId).toBe(zaaktype.bpmnProcessId);
      expect(zaaktype.identificatie).toBe(folder);
    });

    it('sets only statustypen and resultaattypen of its zaaktype, and ends every zaak with zaak.afsluiten', () => {
      const statustypen = new Set(zaaktype.statustypen.map((s) => s.omschrijving));
      const resultaattypen = new Set(zaaktype.resultaattypen.map((r) => r.omschrijving));
      const jobs = [...model.elements.values()].filter((e) => e.job);
      const headersOf = (type: string) =>
        jobs.filter((e) => e.job?.type.source === type).map((e) => e.job!.headers);
      expect(headersOf('zaak.status').length).toBeGreaterThan(0);
      for (const headers of headersOf('zaak.status'))
        expect(statustypen).toContain(headers.statustype);
      expect(headersOf('zaak.resultaat').length).toBeGreaterThan(0);
      for (const headers of headersOf('zaak.resultaat'))
        expect(resultaattypen).toContain(headers.resultaattype);
      // One zaak.afsluiten ends the main flow; an interrupting event subprocess (a withdrawal)
      // ends the zaak instead, with one of its own.
      const afsluitenScopes = jobs
        .filter((e) => e.job?.type.source === 'zaak.afsluiten')
        .map((e) => e.flowScopeId);
      const eventSubProcesses = [...model.elements.values()]
        .filter((e) => e.type === 'EVENT_SUB_PROCESS')
        .map((e) => e.id);
      expect(afsluitenScopes.sort()).toEqual([model.bpmnProcessId, ...eventSubProcesses].sort());
      const eindstatus = zaaktype.statustypen.reduce((a, b) =>
        b.volgnummer > a.volgnummer ? b : a,
      );
      // The eindstatus is zaak.afsluiten's to set, after the resultaat.
      expect(headersOf('zaak.status').map((h) => h.statustype)).not.toContain(
        eindstatus.omschrijving,
      );
      for (const headers of headersOf('zaak.verlengen')) {
        expect(zaaktype.verlengingMogelijk).toBe(true);
        expect(headers.duur).toBe(zaaktype.verlengingstermijn);
      }
      if (headersOf('zaak.opschorten').length)
        expect(zaaktype.opschortingEnAanhoudingMogelijk).toBe(true);
    });

    it('gives every user task a demo candidate group and an embedded form equal to its forms/*.form file', () => {
      const groups = new Set(demoGroups.map((g) => g.code));
      const formFiles = readdirSync(new URL(`${folder}/forms/`, processesDir)).filter((f) =>
        f.endsWith('.form'),
      );
      const usedForms = new Set<string>();
      const userTasks = [...model.elements.values()].filter((e) => e.type === 'USER_TASK');
      expect(userTasks.length).toBeGreaterThan(0);
      for (const task of userTasks) {
        const userTask = task.userTask!;
        expect(userTask.isCamundaUserTask, task.id).toBe(false);
        const candidateGroups = userTask.candidateGroups;
        expect(candidateGroups, `${task.id} candidate groups`).toBeDefined();
        if (candidateGroups?.isStatic) expect(groups, task.id).toContain(candidateGroups.source);
        const formId = userTask.formKey?.replace('camunda-forms:bpmn:', '') ?? '';
        expect(formFiles, `${task.id} form`).toContain(`${formId}.form`);
        expect(
          JSON.parse(userTask.embeddedForm ?? 'null'),
          `${task.id}: embedded form differs from forms/${formId}.form`,
        ).toEqual(JSON.parse(fileText(folder, `forms/${formId}.form`)));
        usedForms.add(`${formId}.form`);
      }
      expect([...usedForms].sort()).toEqual(formFiles.sort());
    });

    it('draws every element and flow in the diagram', () => {
      const drawn = new Set([...xml.matchAll(/bpmnElement="([^"]+)"/g)].map((m) => m[1]));
      for (const id of [...model.elements.keys(), ...model.flows.keys()]) {
        if (id === model.bpmnProcessId) continue;
        expect(drawn, `${id} has no shape or edge`).toContain(id);
      }
      expect(drawn).toContain(model.bpmnProcessId);
    });
  });
});

describe('running the example processes on the engine', () => {
  let harness: EngineHarness;

  beforeAll(async () => {
    harness = await EngineHarness.start();
    for (const folder of folders)
      await harness.deploy(fileText(folder, 'process.bpmn'), `${folder}.bpmn`);
  });
  afterAll(async () => {
    await harness?.stop();
  });

  /** Activates the next job of this type, checks it is `elementId` of this instance, completes it. */
  async function complete(
    instance: string,
    type: string,
    elementId: string,
    variables: Record<string, unknown> = {},
  ) {
    const [job] = await harness.activate(type);
    expect(job, `expected a job of type ${type} at ${elementId}`).toBeDefined();
    expect({ elementId: job!.elementId, instance: job!.processInstanceKey }).toEqual({
      elementId,
      instance,
    });
    if (type === USER_TASK) {
      expect(
        JSON.parse(job!.customHeaders['io.camunda.zeebe:candidateGroups'] ?? '[]'),
      ).not.toEqual([]);
      expect(job!.customHeaders['io.camunda.zeebe:formKey']).toMatch(/^camunda-forms:bpmn:/);
    }
    await harness.engine.completeJob(job!.key, variables);
    return job!;
  }

  type Step = [type: string, elementId: string, variables?: Record<string, unknown>];
  const status = (elementId: string): Step => ['zaak.status', elementId];
  const resultaat = (elementId: string): Step => ['zaak.resultaat', elementId];

  async function run(instance: string, steps: Step[]) {
    for (const [type, elementId, variables] of steps)
      await complete(instance, type, elementId, variables);
  }

  /** The applicant withdraws: the message the intake channel publishes with the zaaknummer. */
  const withdraw = (identificatie: string) =>
    harness.engine.publishMessage({
      name: 'intrekking',
      correlationKey: identificatie,
      timeToLiveMs: 0,
      variables: {},
    });
  const closedAsIngetrokken: Step[] = [
    resultaat('ResultaatIngetrokken'),
    ['zaak.afsluiten', 'IngetrokkenAfsluiten'],
    ['notificatie.email', 'IntrekkingBevestigen'],
  ];

  async function expectCompleted(instance: string, elementIds: string[]) {
    expect(await harness.instanceState(instance)).toBe('COMPLETED');
    expect(await harness.incidents(instance)).toEqual([]);
    const states = await harness.states(instance);
    for (const id of elementIds) expect(states[id], id).toContain('COMPLETED');
    return states;
  }

  /** Moves the clock and fires what became due, until no timer is left due (firing may take a pass or two). */
  async function advanceClock(ms: number) {
    harness.engine.clock.add(ms);
    const now = new Date(harness.engine.clock.now());
    for (let attempt = 0; attempt < 100; attempt++) {
      await harness.engine.runDueWork();
      const due: unknown[] = await harness
        .db('engine_timers')
        .select('key')
        .where({ state: 'ACTIVE' })
        .andWhere('due_date', '<=', now);
      if (due.length === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error('timers stayed due after moving the clock');
  }

  describe('melding-openbare-ruimte', () => {
    it('routes a melding to its team, sends the terugmelding, sets the resultaat and closes the zaak', async () => {
      const instance = await harness.start(
        'melding-openbare-ruimte',
        zaakVariables('melding-openbare-ruimte'),
      );
      await run(instance, [
        status('StatusOntvangen'),
        [USER_TASK, 'MeldingBeoordelen', { categorie: 'afval', spoed: false }],
        status('StatusInBehandeling'),
      ]);
      const [afhandelen] = await harness.activate(USER_TASK);
      expect(afhandelen?.elementId).toBe('MeldingAfhandelen');
      expect(JSON.parse(afhandelen!.customHeaders['io.camunda.zeebe:candidateGroups']!)).toEqual([
        'team-openbare-ruimte',
      ]);
      await harness.engine.completeJob(afhandelen!.key, {
        uitkomst: 'opgelost',
        terugmelding: 'Het zwerfvuil is opgeruimd.',
      });
      const terugmelding = await complete(instance, 'notificatie.email', 'TerugmeldingVersturen');
      expect(terugmelding.customHeaders.toVariable).toBe('zaak.initiator.email');
      await run(instance, [resultaat('ResultaatOpgelost'), ['zaak.afsluiten', 'ZaakAfsluiten']]);
      const states = await expectCompleted(instance, [
        'TeamOpenbareRuimte',
        'MeldingAfhandelen',
        'TerugmeldingVersturen',
        'MeldingAfgehandeld',
      ]);
      expect(states.ServicenormBijnaVerstreken ?? []).not.toContain('COMPLETED');
    });

    it('reminds the team on the morning the servicenorm ends, routes bouwen to toezicht, and skips mail without an address', async () => {
      // the zaak came in on Monday 2 March 2026, its servicenorm (einddatumGepland) is Monday 9 March
      harness.engine.clock.pin(Date.parse('2026-03-02T09:00:00+01:00'));
      const instance = await harness.start(
        'melding-openbare-ruimte',
        zaakVariables('melding-openbare-ruimte', null),
      );
      await run(instance, [
        status('StatusOntvangen'),
        [USER_TASK, 'MeldingBeoordelen', { categorie: 'bouwen' }],
        status('StatusInBehandeling'),
      ]);
      // six days later, on Sunday evening, nothing is due yet; at 08:00 on Monday the reminder is
      await advanceClock(6 * DAY + 12 * 3_600_000);
      expect(await harness.activate('notificatie.email')).toEqual([]);
      await advanceClock(11 * 3_600_000);
      const herinnering = await complete(instance, 'notificatie.email', 'HerinneringVersturen');
      expect(herinnering.customHeaders.to).toBe('openbareruimte@gemeente.example');
      const afhandelen = await complete(instance, USER_TASK, 'MeldingAfhandelen', {
        uitkomst: 'niet_opgelost',
        terugmelding: 'Geen overtreding gevonden.',
      });
      expect(JSON.parse(afhandelen.customHeaders['io.camunda.zeebe:candidateGroups']!)).toEqual([
        'team-vergunningen',
      ]);
      await run(instance, [
        resultaat('ResultaatNietOpgelost'),
        ['zaak.afsluiten', 'ZaakAfsluiten'],
      ]);
      const states = await expectCompleted(instance, [
        'TeamToezicht',
        'ServicenormBijnaVerstreken',
        'HerinneringVerstuurd',
        'ZaakAfsluiten',
      ]);
      expect(states.MeldingAfhandelen).toContain('COMPLETED'); // the reminder did not interrupt the task
      expect(states.TerugmeldingVersturen).toBeUndefined();
    });

    it('refers a melding that is no municipal task, with a terugmelding and resultaat Doorverwezen', async () => {
      const instance = await harness.start(
        'melding-openbare-ruimte',
        zaakVariables('melding-openbare-ruimte'),
      );
      await run(instance, [
        status('StatusOntvangen'),
        [
          USER_TASK,
          'MeldingBeoordelen',
          { categorie: 'geen_gemeentetaak', doorverwezenNaar: 'het waterschap' },
        ],
      ]);
      const mail = await complete(instance, 'notificatie.email', 'TerugmeldingVersturen');
      expect(mail.variables.terugmelding).toBe(
        'Uw melding is geen taak van de gemeente. Wij hebben haar doorgestuurd naar het waterschap.',
      );
      await run(instance, [
        resultaat('ResultaatDoorverwezen'),
        ['zaak.afsluiten', 'ZaakAfsluiten'],
      ]);
      await expectCompleted(instance, ['TerugmeldingDoorverwijzing', 'ResultaatDoorverwezen']);
    });
  });

  describe('woo-verzoek', () => {
    it('suspends for a zienswijze until the message arrives, verdaagt once, publishes and closes', async () => {
      const variables = zaakVariables('woo-verzoek');
      const instance = await harness.start('woo-verzoek', variables);
      await run(instance, [
        status('StatusOntvangen'),
        [
          USER_TASK,
          'VerzoekBeoordelen',
          { zienswijzeNodig: true, derden: 'Bouwbedrijf B.V.', verdagingNodig: true },
        ],
        status('StatusInBehandeling'),
        ['zaak.opschorten', 'ZaakOpschorten'],
        status('StatusZienswijzeGevraagd'),
      ]);
      await harness.engine.publishMessage({
        name: 'zienswijze-ontvangen',
        correlationKey: variables.zaak.identificatie,
        timeToLiveMs: 0,
        variables: { zienswijze: 'Geen bezwaar tegen openbaarmaking' },
      });
      await complete(instance, 'zaak.hervatten', 'ZaakHervatten');
      const verdagen = await complete(instance, 'zaak.verlengen', 'BeslistermijnVerdagen');
      expect(verdagen.customHeaders).toMatchObject({ duur: 'P2W' });
      await run(instance, [
        [
          USER_TASK,
          'BesluitNemen',
          { besluit: 'deels_openbaar', motivering: 'Persoonsgegevens gelakt.' },
        ],
        status('StatusBesluitGenomen'),
        ['notificatie.email', 'BesluitVersturen'],
        [
          USER_TASK,
          'DocumentenPubliceren',
          { gelaktGecontroleerd: true, vindplaats: 'https://gemeente.example/woo/123' },
        ],
        resultaat('ResultaatDeelsOpenbaar'),
        ['zaak.afsluiten', 'ZaakAfsluiten'],
      ]);
      const states = await expectCompleted(instance, [
        'ZienswijzeOntvangen',
        'BeslistermijnVerdagen',
        'DocumentenPubliceren',
        'VerzoekAfgehandeld',
      ]);
      expect(states.ZienswijzetermijnVerstreken ?? []).not.toContain('COMPLETED');
    });

    it('resumes when the zienswijze term of two weeks passes without an answer', async () => {
      const instance = await harness.start('woo-verzoek', zaakVariables('woo-verzoek'));
      await run(instance, [
        status('StatusOntvangen'),
        [USER_TASK, 'VerzoekBeoordelen', { zienswijzeNodig: true, verdagingNodig: false }],
        status('StatusInBehandeling'),
        ['zaak.opschorten', 'ZaakOpschorten'],
        status('StatusZienswijzeGevraagd'),
      ]);
      await advanceClock(14 * DAY + 60_000);
      await run(instance, [
        ['zaak.hervatten', 'ZaakHervatten'],
        [USER_TASK, 'BesluitNemen', { besluit: 'niet_openbaar', motivering: 'Bedrijfsgegevens.' }],
        status('StatusBesluitGenomen'),
      ]);
      const besluitMail = await complete(instance, 'notificatie.email', 'BesluitVersturen');
      expect(besluitMail.variables.besluitTekst).toBe(
        'De gevraagde informatie wordt niet openbaar gemaakt.',
      );
      await run(instance, [
        resultaat('ResultaatNietOpenbaar'),
        ['zaak.afsluiten', 'ZaakAfsluiten'],
      ]);
      const states = await expectCompleted(instance, [
        'ZienswijzetermijnVerstreken',
        'ZaakHervatten',
      ]);
      expect(states.BeslistermijnVerdagen).toBeUndefined();
      expect(states.DocumentenPubliceren).toBeUndefined();
    });

    it('closes the zaak as Ingetrokken when the verzoeker withdraws, ending the open task', async () => {
      const variables = zaakVariables('woo-verzoek');
      const instance = await harness.start('woo-verzoek', variables);
      await run(instance, [status('StatusOntvangen')]);
      await withdraw(variables.zaak.identificatie);
      await run(instance, [
        resultaat('ResultaatIngetrokken'),
        ['zaak.afsluiten', 'IngetrokkenAfsluiten'],
      ]);
      const bevestiging = await complete(instance, 'notificatie.email', 'IntrekkingBevestigen');
      expect(bevestiging.customHeaders.toVariable).toBe('zaak.initiator.email');
      const states = await expectCompleted(instance, [
        'VerzoekIngetrokken',
        'IntrekkingAfgehandeld',
      ]);
      expect(states.VerzoekBeoordelen).toContain('TERMINATED');
      expect(states.VerzoekAfgehandeld).toBeUndefined();
    });
    it('resumes a suspended zaak before closing it when the verzoeker withdraws during the zienswijze', async () => {
      const variables = zaakVariables('woo-verzoek');
      const instance = await harness.start('woo-verzoek', variables);
      await run(instance, [
        status('StatusOntvangen'),
        [USER_TASK, 'VerzoekBeoordelen', { zienswijzeNodig: true, verdagingNodig: false }],
        status('StatusInBehandeling'),
        ['zaak.opschorten', 'ZaakOpschorten'],
        status('StatusZienswijzeGevraagd'),
      ]);
      await withdraw(variables.zaak.identificatie);
      await run(instance, [['zaak.hervatten', 'IntrekkingHervatten'], ...closedAsIngetrokken]);
      const states = await expectCompleted(instance, ['IntrekkingAfgehandeld']);
      expect(states.ZaakHervatten).toBeUndefined();
    });
  });

  describe('omgevingsvergunning', () => {
    it('asks advice of every adviseur in parallel, extends once, decides and grants', async () => {
      const instance = await harness.start(
        'omgevingsvergunning',
        zaakVariables('omgevingsvergunning'),
      );
      await run(instance, [
        status('StatusOntvangen'),
        [USER_TASK, 'VolledigheidToetsen', { volledig: true }],
        status('StatusInBehandeling'),
        [
          USER_TASK,
          'InhoudelijkBeoordelen',
          { adviseurs: ['welstand', 'brandweer'], verlengingNodig: true },
        ],
        ['zaak.verlengen', 'BeslistermijnVerlengen'],
      ]);
      const adviesJobs = await harness.activate(USER_TASK, 5);
      expect(adviesJobs.map((job) => [job.elementId, job.variables.adviseur])).toEqual(
        expect.arrayContaining([
          ['AdviesUitbrengen', 'welstand'],
          ['AdviesUitbrengen', 'brandweer'],
        ]),
      );
      expect(adviesJobs).toHaveLength(2);
      for (const job of adviesJobs) {
        await harness.engine.completeJob(job.key, {
          advies: 'positief',
          adviesToelichting: `Akkoord (${job.variables.adviseur as string})`,
        });
      }
      await run(instance, [
        [
          USER_TASK,
          'BesluitOpstellen',
          { besluit: 'verleend', motivering: 'Past in het omgevingsplan.' },
        ],
        ['document.genereren', 'BesluitGenereren'],
        status('StatusBesluitGenomen'),
        resultaat('ResultaatVerleend'),
        ['zaak.afsluiten', 'ZaakAfsluiten'],
      ]);
      await expectCompleted(instance, [
        'AdviesUitbrengen',
        'BeslistermijnVerlengen',
        'ResultaatVerleend',
        'AanvraagAfgehandeld',
      ]);
      const { adviezen } = await harness.variables(instance);
      expect(adviezen).toEqual(
        expect.arrayContaining([
          { adviseur: 'welstand', advies: 'positief', toelichting: 'Akkoord (welstand)' },
          { adviseur: 'brandweer', advies: 'positief', toelichting: 'Akkoord (brandweer)' },
        ]),
      );
    });

    it('suspends for aanvullende gegevens and, when the applicant supplies them, goes on without advice', async () => {
      const variables = zaakVariables('omgevingsvergunning');
      const instance = await harness.start('omgevingsvergunning', variables);
      await run(instance, [
        status('StatusOntvangen'),
        [
          USER_TASK,
          'VolledigheidToetsen',
          { volledig: false, ontbrekendeGegevens: 'Constructieberekening' },
        ],
      ]);
      // the citizen is asked for what the behandelaar found missing, on the message the catch event waits for
      const ask = await complete(instance, 'burger.informatie-opvragen', 'GegevensOpvragen');
      expect([
        ask.variables.omschrijving,
        ask.variables.correlatieSleutel,
        ask.customHeaders.berichtNaam,
      ]).toEqual([
        'Constructieberekening',
        variables.zaak.identificatie,
        'aanvullende-gegevens-ontvangen',
      ]);
      await run(instance, [status('StatusAanvullendeInformatie')]);
      await harness.engine.publishMessage({
        name: 'aanvullende-gegevens-ontvangen',
        correlationKey: variables.zaak.identificatie,
        timeToLiveMs: 0,
        variables: {},
      });
      await run(instance, [
        ['zaak.hervatten', 'ZaakHervatten'],
        status('StatusInBehandeling'),
        [USER_TASK, 'InhoudelijkBeoordelen', { adviseurs: [], verlengingNodig: false }],
        [
          USER_TASK,
          'BesluitOpstellen',
          { besluit: 'geweigerd', motivering: 'Strijdig met het omgevingsplan.' },
        ],
        ['document.genereren', 'BesluitGenereren'],
        status('StatusBesluitGenomen'),
        resultaat('ResultaatGeweigerd'),
        ['zaak.afsluiten', 'ZaakAfsluiten'],
      ]);
      const states = await expectCompleted(instance, ['GegevensOntvangen', 'ResultaatGeweigerd']);
      expect(states.AdviesUitbrengen).toBeUndefined();
    });

    it('leaves the aanvraag buiten behandeling when the hersteltermijn passes', async () => {
      const instance = await harness.start(
        'omgevingsvergunning',
        zaakVariables('omgevingsvergunning'),
      );
      await run(instance, [
        status('StatusOntvangen'),
        [
          USER_TASK,
          'VolledigheidToetsen',
          { volledig: false, ontbrekendeGegevens: 'Situatietekening' },
        ],
        ['burger.informatie-opvragen', 'GegevensOpvragen'],
        status('StatusAanvullendeInformatie'),
      ]);
      // the term ends at the end of its last day (28 days on), Amsterdam time
      await advanceClock(29 * DAY);
      await run(instance, [
        ['zaak.hervatten', 'ZaakHervattenNaTermijn'],
        resultaat('ResultaatBuitenBehandeling'),
        ['zaak.afsluiten', 'ZaakAfsluiten'],
      ]);
      const states = await expectCompleted(instance, [
        'HersteltermijnVerstreken',
        'ResultaatBuitenBehandeling',
      ]);
      expect(states.InhoudelijkBeoordelen).toBeUndefined();
    });
  });

  describe('bezwaar', () => {
    it('with the adviescommissie: 12 weeks, hoorzitting, advies, besluit op bezwaar gegrond', async () => {
      const instance = await harness.start('bezwaar', zaakVariables('bezwaar'));
      await run(instance, [
        status('StatusOntvangen'),
        [USER_TASK, 'BezwaarBeoordelen', { verzuim: false, adviescommissie: true }],
        status('StatusInBehandeling'),
      ]);
      const termijn = await complete(instance, 'zaak.verlengen', 'TermijnCommissie');
      expect(termijn.customHeaders.duur).toBe('P6W');
      await run(instance, [
        [
          USER_TASK,
          'HoorzittingCommissie',
          { hoorzittingDatum: '2026-04-01', verslagHoorzitting: 'Bezwaarmaker gehoord.' },
        ],
        [
          USER_TASK,
          'AdviesVastleggen',
          { adviesCommissie: 'gegrond', adviesToelichting: 'Onvoldoende gemotiveerd.' },
        ],
        [USER_TASK, 'BesluitOpstellen', { besluit: 'gegrond', motivering: 'Conform advies.' }],
        status('StatusBesluitGenomen'),
        ['notificatie.email', 'BesluitVersturen'],
        resultaat('ResultaatGegrond'),
        ['zaak.afsluiten', 'ZaakAfsluiten'],
      ]);
      const states = await expectCompleted(instance, [
        'HoorzittingCommissie',
        'AdviesVastleggen',
        'ResultaatGegrond',
        'BezwaarAfgehandeld',
      ]);
      expect(states.HoorzittingHouden).toBeUndefined();
    });

    it('without the commissie, after herstel verzuim: 6 weeks, hoorzitting, ongegrond', async () => {
      const variables = zaakVariables('bezwaar');
      const instance = await harness.start('bezwaar', variables);
      await run(instance, [
        status('StatusOntvangen'),
        [
          USER_TASK,
          'BezwaarBeoordelen',
          { verzuim: true, verzuimOmschrijving: 'Geen gronden', adviescommissie: false },
        ],
      ]);
      // the bezwaarmaker is asked (on the status page) to repair what the behandelaar found missing
      const ask = await complete(instance, 'burger.informatie-opvragen', 'HerstelVerzuimVragen');
      expect([
        ask.variables.omschrijving,
        ask.variables.correlatieSleutel,
        ask.customHeaders.berichtNaam,
      ]).toEqual(['Geen gronden', variables.zaak.identificatie, 'verzuim-hersteld']);
      await run(instance, [status('StatusHerstelVerzuim')]);
      await harness.engine.publishMessage({
        name: 'verzuim-hersteld',
        correlationKey: variables.zaak.identificatie,
        timeToLiveMs: 0,
        variables: {},
      });
      await run(instance, [
        ['zaak.hervatten', 'ZaakHervatten'],
        status('StatusInBehandeling'),
        [
          USER_TASK,
          'HoorzittingHouden',
          { hoorzittingDatum: '2026-04-01', verslagHoorzitting: 'Gehoord.' },
        ],
        [
          USER_TASK,
          'BesluitOpstellen',
          { besluit: 'ongegrond', motivering: 'Besluit blijft in stand.' },
        ],
        status('StatusBesluitGenomen'),
        ['notificatie.email', 'BesluitVersturen'],
        resultaat('ResultaatOngegrond'),
        ['zaak.afsluiten', 'ZaakAfsluiten'],
      ]);
      const states = await expectCompleted(instance, [
        'VerzuimHersteld',
        'HoorzittingHouden',
        'ResultaatOngegrond',
      ]);
      expect(states.TermijnCommissie).toBeUndefined();
    });

    it('goes straight to a niet-ontvankelijk besluit when the verzuim is not repaired in time', async () => {
      const instance = await harness.start('bezwaar', zaakVariables('bezwaar'));
      await run(instance, [
        status('StatusOntvangen'),
        [
          USER_TASK,
          'BezwaarBeoordelen',
          { verzuim: true, verzuimOmschrijving: 'Niet ondertekend', adviescommissie: false },
        ],
        ['burger.informatie-opvragen', 'HerstelVerzuimVragen'],
        status('StatusHerstelVerzuim'),
      ]);
      // the term ends at the end of its last day (14 days on), Amsterdam time
      await advanceClock(15 * DAY);
      await run(instance, [
        ['zaak.hervatten', 'ZaakHervattenNaTermijn'],
        [
          USER_TASK,
          'BesluitOpstellen',
          { besluit: 'niet_ontvankelijk', motivering: 'Verzuim niet hersteld.' },
        ],
        status('StatusBesluitGenomen'),
        ['notificatie.email', 'BesluitVersturen'],
        resultaat('ResultaatNietOntvankelijk'),
        ['zaak.afsluiten', 'ZaakAfsluiten'],
      ]);
      const states = await expectCompleted(instance, [
        'HersteltermijnVerstreken',
        'ResultaatNietOntvankelijk',
      ]);
      expect(states.HoorzittingHouden).toBeUndefined();
    });

    it('resumes and closes the zaak as Ingetrokken when the bezwaarmaker withdraws during herstel verzuim', async () => {
      const variables = zaakVariables('bezwaar');
      const instance = await harness.start('bezwaar', variables);
      await run(instance, [
        status('StatusOntvangen'),
        [
          USER_TASK,
          'BezwaarBeoordelen',
          { verzuim: true, verzuimOmschrijving: 'Niet ondertekend', adviescommissie: false },
        ],
        ['burger.informatie-opvragen', 'HerstelVerzuimVragen'],
        status('StatusHerstelVerzuim'),
      ]);
      await withdraw(variables.zaak.identificatie);
      await run(instance, [['zaak.hervatten', 'IntrekkingHervatten'], ...closedAsIngetrokken]);
      const states = await expectCompleted(instance, ['Ingetrokken', 'IntrekkingAfgehandeld']);
      expect(states.WachtenOpHerstel).toContain('TERMINATED');
      expect(states.BezwaarAfgehandeld).toBeUndefined();
    });
  });
});
