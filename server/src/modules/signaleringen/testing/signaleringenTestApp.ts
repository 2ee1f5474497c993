import { ControllableClock } from '../../../engine/clock.js';
import { AuthTestApp, type LoggedIn } from '../../auth/testing/authTestApp.js';
import { AuthorisationService, CatalogusService } from '../../catalogus/index.js';
import { CalendarService } from '../../deadlines/index.js';
import { TakenService } from '../../taken/index.js';
import { publishFixtureZaaktype, testBsn, testRsin } from '../../zaken/testing/publishedZaaktype.js';
import { zakenRouter, ZaakService } from '../../zaken/index.js';
import { auditFeedCaughtUp, drainAuditFeed } from '../auditFeed.js';
import { runDeadlineScan } from '../deadlineScan.js';
import { signaleringenRouter } from '../router.js';
import { SignaleringService } from '../service.js';

/**
 * Zaken and signaleringen routers in the production wiring (apiRouter, real auth, audit) on a
 * fresh database, the omgevingsvergunning zaaktype authorised for team-vergunningen, a task service
 * and a movable clock, as the engine's clock is moved through /v2/clock.
 */
export class SignaleringenTestApp {
  readonly app = new AuthTestApp();
  readonly clock = new ControllableClock();
  authorisation!: AuthorisationService;
  calendar!: CalendarService;
  taken!: TakenService;

  async start(): Promise<this> {
    let catalogus: CatalogusService | undefined;
    await this.app.start({
      routers: (auth) => {
        this.authorisation = new AuthorisationService(this.app.db);
        this.calendar = new CalendarService(this.app.db);
        return [
        zakenRouter({
          service: new ZaakService({
            db: this.app.db,
            catalogus: (catalogus = new CatalogusService({ db: this.app.db })),
            authorisation: this.authorisation,
            calendar: this.calendar,
          }),
          requireRole: auth.requireRole,
          openApi: this.app.openApi,
        }),
        signaleringenRouter({
          service: new SignaleringService({ db: this.app.db, authorisation: this.authorisation, clock: this.clock }),
          requireRole: auth.requireRole,
          openApi: this.app.openApi,
        }),
        ];
      },
    });
    if (!catalogus) throw new Error('the zaken router was not created');
    await publishFixtureZaaktype(this.app.db, { catalogus, groups: ['team-vergunningen'] });
    this.taken = new TakenService({ db: this.app.db, engine: { completeJob: () => Promise.resolve() } });
    return this;
  }

  close(): Promise<void> {
    return this.app.close();
  }

  now = () => new Date(this.clock.now());

  /**
   * What the background job does every two seconds, until every committed entry is read: on a
   * shared PostgreSQL server, other transactions in flight hold the horizon back for a moment.
   */
  async consumeFeed(): Promise<void> {
    const giveUpAt = Date.now() + 30_000;
    for (;;) {
      await drainAuditFeed(this.app.db, { authorisation: this.authorisation, now: this.now });
      if (await auditFeedCaughtUp(this.app.db)) return;
      if (Date.now() > giveUpAt) throw new Error('the audit feed did not catch up within 30 s');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  deadlineScan() {
    return runDeadlineScan(this.app.db, {
      authorisation: this.authorisation,
      loadCalendar: (db) => this.calendar.loadCalendar(db),
      now: this.now,
    });
  }

  login(username: string): Promise<LoggedIn> {
    return this.app.login(username);
  }

  async call<T = Record<string, unknown>>(who: LoggedIn, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const response = await this.app.fetch(path, {
      method,
      headers,
      cookie: who.cookie,
      csrfToken: who.csrfToken,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : {}) as T };
  }

  /** A zaak of the fixture zaaktype (streefdatum startdatum + 6 weeks, fatale datum + 8 weeks). */
  async createZaak(who: LoggedIn, startdatum: string, omschrijving = 'Dakkapel Dorpsstraat 1') {
    const { status, body } = await this.call<{ id: string; identificatie: string; einddatumGepland: string; uiterlijkeEinddatumAfdoening: string }>(
      who,
      'POST',
      '/api/zaken',
      {
        zaaktype: 'omgevingsvergunning-regulier',
        bronorganisatie: testRsin,
        omschrijving,
        startdatum,
        initiator: { type: 'natuurlijk_persoon', bsn: testBsn, naam: 'J. Jansen' },
      },
      { 'idempotency-key': crypto.randomUUID() },
    );
    if (status !== 201) throw new Error(`zaak not created: ${status} ${JSON.stringify(body)}`);
    return body;
  }

  async makeBehandelaar(who: LoggedIn, zaakId: string, username: string) {
    const { status, body } = await this.call(who, 'POST', `/api/zaken/${zaakId}/rollen`, {
      roltype: 'Vergunningverlener',
      betrokkene: { type: 'medewerker', username },
    });
    if (status !== 201 && status !== 200) throw new Error(`rol not added: ${status} ${JSON.stringify(body)}`);
  }

  /** A user-task job as the engine's user-task worker hands it over. */
  storeTask(zaakId: string, headers: Record<string, string>, key = String(2251799813685249n + BigInt(Math.floor(Math.random() * 1e9)))) {
    return this.taken.storeActivatedJob({
      key,
      elementId: 'beoordelen-aanvraag',
      bpmnProcessId: 'omgevingsvergunning',
      processInstanceKey: '2251799813685000',
      elementInstanceKey: key,
      deadline: String(Date.now() + 3_600_000),
      customHeaders: Object.fromEntries(Object.entries(headers).map(([name, value]) => [`io.camunda.zeebe:${name}`, value])),
      variables: { zaak: { id: zaakId } },
    });
  }
}
