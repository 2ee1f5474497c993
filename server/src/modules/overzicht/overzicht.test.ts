import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineRestClient } from '../../platform/engineRestClient.js';
import { RestTestKit } from '../../engine/gateway/rest/testing/restTestKit.js';
import { K, seedScenario } from '../../engine/gateway/rest/testing/scenario.js';
import { AuthTestApp, type LoggedIn } from '../auth/testing/authTestApp.js';
import { CalendarService, addDays, daysBetween } from '../deadlines/index.js';
import { publishFixtureZaaktype } from '../zaken/testing/publishedZaaktype.js';
import { overzichtRouter } from './router.js';
import { OverzichtService } from './service.js';

const ZAAKTYPE = 'omgevingsvergunning-regulier';
const VANDAAG = '2026-06-30';

/** A generated zaak, and what the test itself knows about it. */
interface Generated {
  id: string;
  zaaktype: string;
  registratiedatum: string;
  startdatum: string;
  einddatumGepland: string | null;
  fataleDatum: string;
  einddatum: string | null;
  verlengingDatum: string | null;
  opschortingVan: string | null;
  team: string;
  behandelaar: string | null;
}

/** Deterministic pseudo-random numbers, so a failure can be reproduced. */
function generator(seed: number) {
  let state = seed;
  return (below: number) => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return Math.floor(state / 65_536) % below; // the high bits: an LCG's low bits repeat quickly
  };
}

function generate(count: number): Generated[] {
  const next = generator(42);
  const teams = ['team-vergunningen', 'team-juridisch'];
  const people = ['behandelaar', 'behandelaar2', null];
  return Array.from({ length: count }, (_, index) => {
    const start = addDays('2026-01-05', next(170));
    const closed = next(3) > 0 ? addDays(start, next(80)) : null;
    return {
      id: randomUUID(),
      // every tenth zaak is of a zaaktype the manager is not authorised for
      zaaktype: index % 10 === 9 ? 'geheim' : ZAAKTYPE,
      registratiedatum: start,
      startdatum: start,
      einddatumGepland: next(4) > 0 ? addDays(start, 42) : null,
      fataleDatum: addDays(start, 56),
      einddatum: closed !== null && closed <= VANDAAG ? closed : null,
      verlengingDatum: next(8) === 0 ? addDays(start, 20) : null,
      opschortingVan: next(6) === 0 ? addDays(start, 10) : null,
      team: teams[next(2)]!,
      behandelaar: people[next(3)]!,
    };
  });
}

describe(
  'overzicht: figures over generated zaken match what the test counts itself',
  { timeout: 120_000 },
  () => {
    const app = new AuthTestApp();
    let kit: RestTestKit;
    let manager: LoggedIn;
    let behandelaar: LoggedIn;
    const zaken = generate(400);
    const retried: string[] = [];

    beforeAll(async () => {
      let service: OverzichtService | undefined;
      await app.start({
        routers: (auth) => {
          service = new OverzichtService({
            db: app.db,
            loadCalendar: () => new CalendarService(app.db).loadCalendar(),
            now: () => Date.parse(`${VANDAAG}T10:00:00Z`),
            engine: engineRestClient(() => kit.baseUrl),
            commands: {
              updateJobRetries: ({ jobKey }) => Promise.resolve(retried.push(`retries:${jobKey}`)),
              resolveIncident: ({ incidentKey }) =>
                Promise.resolve(retried.push(`resolve:${incidentKey}`)),
            },
            validProcessDefinition: () => Promise.resolve(null),
          });
          return [overzichtRouter({ service, requireRole: auth.requireRole })];
        },
      });
      // the engine's REST API over the same database, with a stuck instance in it
      kit = await RestTestKit.start({
        testDb: { db: app.db, url: undefined, destroy: () => Promise.resolve() },
      });
      await seedScenario(app.db);
      await publishFixtureZaaktype(app.db, { groups: ['team-vergunningen', 'team-juridisch'] });
      await insertZaken(zaken);
      // the stuck instance belongs to the first zaak
      await app.db('zaken').where('id', zaken[0]!.id).update({ process_instance_key: K.stuck });
      manager = await app.login('manager');
      behandelaar = await app.login('behandelaar');
    });
    afterAll(async () => {
      await kit?.stop();
      await app.close();
    });

    async function insertZaken(rows: Generated[]) {
      await app.db.batchInsert(
        'zaken',
        rows.map((zaak, index) => ({
          id: zaak.id,
          identificatie: `ZAAK-2026-${String(index + 1).padStart(7, '0')}`,
          bronorganisatie: '002220647',
          zaaktype_identificatie: zaak.zaaktype,
          zaaktype_versie: 1,
          omschrijving: `Zaak ${index + 1}`,
          registratiedatum: zaak.registratiedatum,
          startdatum: zaak.startdatum,
          einddatum_gepland: zaak.einddatumGepland,
          uiterlijke_einddatum_afdoening: zaak.fataleDatum,
          einddatum: zaak.einddatum,
          verlenging_datum: zaak.verlengingDatum,
          verlenging_duur: zaak.verlengingDatum ? 'P14D' : null,
          vertrouwelijkheidaanduiding: 'openbaar',
          status_omschrijving: zaak.einddatum ? 'Afgehandeld' : 'In behandeling',
          status_volgnummer: zaak.einddatum ? 9 : 2,
          created_by: 'test',
        })),
        100,
      );
      const suspended = rows.filter((zaak) => zaak.opschortingVan);
      if (suspended.length > 0)
        await app.db('zaak_opschortingen').insert(
          suspended.map((zaak) => ({
            zaak_id: zaak.id,
            van: zaak.opschortingVan,
            tot: addDays(zaak.opschortingVan!, 5),
            reden: 'test',
          })),
        );
      await app.db.batchInsert(
        'taken',
        rows.map((zaak, index) => ({
          id: randomUUID(),
          job_key: 900_000 + index,
          name: 'Beoordelen',
          element_id: 'Beoordelen',
          bpmn_process_id: 'test',
          process_instance_key: 800_000 + index,
          element_instance_key: 700_000 + index,
          zaak_id: zaak.id,
          state: zaak.einddatum ? 'completed' : 'open',
          candidate_groups: [zaak.team],
          assignee: zaak.behandelaar,
        })),
        100,
      );
    }

    const get = async <T>(who: LoggedIn, path: string) => {
      const response = await app.fetch(path, { cookie: who.cookie });
      return { status: response.status, body: (await response.json()) as T };
    };

    const visible = zaken.filter((zaak) => zaak.zaaktype === ZAAKTYPE);
    const inPeriod = (date: string | null, van: string, tot: string) =>
      date !== null && date >= van && date <= tot;

    it('counts open, started, closed, on time, late, suspended and extended zaken of the period', async () => {
      const van = '2026-03-01';
      const tot = '2026-05-31';
      const { status, body } = await get<{ kpis: Record<string, unknown> }>(
        manager,
        `/api/overzicht?van=${van}&tot=${tot}`,
      );
      expect(status, JSON.stringify(body)).toBe(200);
      const closed = visible.filter((zaak) => inPeriod(zaak.einddatum, van, tot));
      const withNorm = closed.filter((zaak) => zaak.einddatumGepland !== null);
      const pct = (part: number, whole: number) => Math.round((1000 * part) / whole) / 10;
      const doorlooptijden = closed
        .map((zaak) => daysBetween(zaak.startdatum, zaak.einddatum!))
        .sort((a, b) => a - b);
      const mean = doorlooptijden.reduce((sum, value) => sum + value, 0) / doorlooptijden.length;
      expect(body.kpis).toMatchObject({
        openZaken: visible.filter((zaak) => zaak.einddatum === null).length,
        gestart: visible.filter((zaak) => inPeriod(zaak.registratiedatum, van, tot)).length,
        afgesloten: closed.length,
        binnenServicenormPct: pct(
          withNorm.filter((zaak) => zaak.einddatum! <= zaak.einddatumGepland!).length,
          withNorm.length,
        ),
        binnenWettelijkeTermijnPct: pct(
          closed.filter((zaak) => zaak.einddatum! <= zaak.fataleDatum).length,
          closed.length,
        ),
        teLaat: visible.filter((zaak) => zaak.einddatum === null && zaak.fataleDatum < VANDAAG)
          .length,
        opschortingen: visible.filter((zaak) => inPeriod(zaak.opschortingVan, van, tot)).length,
        verlengingen: visible.filter((zaak) => inPeriod(zaak.verlengingDatum, van, tot)).length,
        openIncidenten: 1,
      });
      expect((body.kpis.doorlooptijd as { gemiddeldDagen: number }).gemiddeldDagen).toBe(
        Math.round(mean * 10) / 10,
      );
    });

    it('reckons "at risk" in working days: the next five working days after today', async () => {
      // 2026-06-30 is a Tuesday: five working days on is Tuesday 7 July
      const { body } = await get<{ kpis: { inGevaar: number }; filter: { risicoGrens: string } }>(
        manager,
        '/api/overzicht?risicoDagen=5',
      );
      expect(body.filter.risicoGrens).toBe('2026-07-08');
      expect(body.kpis.inGevaar).toBe(
        visible.filter(
          (zaak) =>
            zaak.einddatum === null &&
            zaak.fataleDatum >= VANDAAG &&
            zaak.fataleDatum <= '2026-07-07',
        ).length,
      );
    });

    it('narrows every figure to a team and to a behandelaar', async () => {
      const team = await get<{
        kpis: { openZaken: number };
        reeksen: { werkPerTeam: { groep: string; aantal: number }[] };
      }>(manager, '/api/overzicht?groep=team-juridisch');
      const ofTeam = visible.filter((zaak) => zaak.team === 'team-juridisch');
      expect(team.body.kpis.openZaken).toBe(
        ofTeam.filter((zaak) => zaak.einddatum === null).length,
      );
      expect(team.body.reeksen.werkPerTeam).toEqual([
        {
          groep: 'team-juridisch',
          aantal: ofTeam.filter((zaak) => zaak.einddatum === null).length,
        },
      ]);
      const person = await get<{ kpis: { openZaken: number } }>(
        manager,
        '/api/overzicht?behandelaar=behandelaar2',
      );
      expect(person.body.kpis.openZaken).toBe(
        visible.filter((zaak) => zaak.behandelaar === 'behandelaar2' && zaak.einddatum === null)
          .length,
      );
    });

    it('gives the weekly intake and completion, the doorlooptijd bins, and the backlog per status', async () => {
      const van = '2026-01-01';
      const tot = VANDAAG;
      const { body } = await get<{
        reeksen: {
          instroomUitstroom: { gestart: number; afgesloten: number }[];
          doorlooptijdVerdeling: { aantal: number }[];
          perStatus: { status: string; aantal: number }[];
        };
      }>(manager, `/api/overzicht?van=${van}&tot=${tot}`);
      const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
      expect(sum(body.reeksen.instroomUitstroom.map((week) => week.gestart))).toBe(
        visible.filter((zaak) => inPeriod(zaak.registratiedatum, van, tot)).length,
      );
      expect(sum(body.reeksen.instroomUitstroom.map((week) => week.afgesloten))).toBe(
        visible.filter((zaak) => inPeriod(zaak.einddatum, van, tot)).length,
      );
      expect(sum(body.reeksen.doorlooptijdVerdeling.map((bin) => bin.aantal))).toBe(
        visible.filter((zaak) => inPeriod(zaak.einddatum, van, tot)).length,
      );
      expect(body.reeksen.perStatus).toEqual([
        {
          status: 'In behandeling',
          aantal: visible.filter((zaak) => zaak.einddatum === null).length,
        },
      ]);
    });

    it('agrees with a plain SQL count of the same zaken', async () => {
      const { body } = await get<{ kpis: { openZaken: number; teLaat: number } }>(
        manager,
        '/api/overzicht',
      );
      const rows: Array<{ open: number; late: number }> = await app
        .db('zaken')
        .where('zaaktype_identificatie', ZAAKTYPE)
        .whereNull('einddatum')
        .select(
          app.db.raw('count(*)::int as open'),
          app.db.raw('count(*) filter (where uiterlijke_einddatum_afdoening < ?)::int as late', [
            VANDAAG,
          ]),
        );
      const row = rows[0];
      expect(body.kpis).toMatchObject({ openZaken: row!.open, teLaat: row!.late });
    });

    it('lists the late and near zaken, the most urgent first', async () => {
      const { body } = await get<{
        zaken: { uiterlijkeEinddatumAfdoening: string; stand: string }[];
        totaal: number;
      }>(manager, '/api/overzicht/termijnen');
      const expected = visible.filter(
        (zaak) => zaak.einddatum === null && zaak.fataleDatum < '2026-07-08',
      );
      expect(body.zaken).toHaveLength(expected.length);
      expect(body.totaal).toBe(expected.length);
      const dates = body.zaken.map((zaak) => zaak.uiterlijkeEinddatumAfdoening);
      expect(dates).toEqual([...dates].sort());
      expect(body.zaken.filter((zaak) => zaak.stand === 'te_laat')).toHaveLength(
        expected.filter((zaak) => zaak.fataleDatum < VANDAAG).length,
      );
    });

    it('lists the incident of a zaak, retries it for a coordinator, and refuses others', async () => {
      const { body } = await get<{
        incidenten: { incidentKey: string; jobKey: string; zaak: { id: string } }[];
      }>(manager, '/api/overzicht/incidenten');
      expect(body.incidenten).toEqual([
        expect.objectContaining({
          incidentKey: K.stuckIncident,
          jobKey: K.stuckJob,
          zaak: expect.objectContaining({ id: zaken[0]!.id }) as unknown,
        }),
      ]);
      // a manager watches, a coordinator acts
      const asManager = await app.fetch(`/api/overzicht/incidenten/${K.stuckIncident}/opnieuw`, {
        method: 'POST',
        cookie: manager.cookie,
        csrfToken: manager.csrfToken,
      });
      expect(asManager.status).toBe(403);
      const coordinator = await app.login('coordinator');
      const retry = await app.fetch(`/api/overzicht/incidenten/${K.stuckIncident}/opnieuw`, {
        method: 'POST',
        cookie: coordinator.cookie,
        csrfToken: coordinator.csrfToken,
      });
      expect(retry.status).toBe(204);
      expect(retried).toEqual([`retries:${K.stuckJob}`, `resolve:${K.stuckIncident}`]);
      const trail = await app.db('audit_trail').where({ action: 'zaak.incident_opgelost' }).first();
      expect(trail).toMatchObject({ zaak_id: zaken[0]!.id });
    });

    it('is for managers and coordinators only', async () => {
      expect((await get(behandelaar, '/api/overzicht')).status).toBe(403);
      expect((await app.fetch('/api/overzicht')).status).toBe(401);
      expect((await get(manager, '/api/overzicht?van=gisteren')).status).toBe(400);
      expect((await get(manager, '/api/overzicht?onbekend=1')).status).toBe(400);
    });
  },
);
