import type { Knex } from 'knex';
import { ControllableClock } from '../../../engine/clock.js';
import { createLogger } from '../../../logging.js';
import { AuthTestApp, type LoggedIn } from '../../auth/testing/authTestApp.js';
import { AuthorisationService, CatalogusService } from '../../catalogus/index.js';
import { CalendarService } from '../../deadlines/index.js';
import {
  publishFixtureZaaktype,
  testBsn,
  testRsin,
} from '../../zaken/testing/publishedZaaktype.js';
import { zakenRouter, ZaakService } from '../../zaken/index.js';
import { startNotificatieDispatcher, type NotificatieDispatcher } from '../dispatcher.js';
import { notificatieFeedCaughtUp } from '../notificatieFeed.js';
import { notificatiesRouter } from '../router.js';
import { NotificatieService } from '../service.js';
import type { RetryPolicy } from '../types.js';

export const publicUrl = 'https://zaken.gemeente.example';

/**
 * Zaken and notificaties routers in the production wiring (apiRouter, real auth, audit) on a fresh
 * database with the omgevingsvergunning zaaktype, and dispatchers on a pinned, movable clock whose
 * rounds the test runs (their own timers wait an hour).
 */
export class NotificatiesTestApp {
  readonly app = new AuthTestApp();
  readonly clock = new ControllableClock();
  private readonly dispatchers: NotificatieDispatcher[] = [];

  async start(): Promise<this> {
    let catalogus: CatalogusService | undefined;
    await this.app.start({
      routers: (auth) => [
        zakenRouter({
          service: new ZaakService({
            db: this.app.db,
            catalogus: (catalogus = new CatalogusService({ db: this.app.db })),
            authorisation: new AuthorisationService(this.app.db),
            calendar: new CalendarService(this.app.db),
          }),
          requireRole: auth.requireRole,
          openApi: this.app.openApi,
        }),
        notificatiesRouter({
          service: new NotificatieService({
            db: this.app.db,
            now: () => new Date(this.clock.now()),
          }),
          requireRole: auth.requireRole,
          openApi: this.app.openApi,
        }),
      ],
    });
    if (!catalogus) throw new Error('the zaken router was not created');
    await publishFixtureZaaktype(this.app.db, { catalogus, groups: ['team-vergunningen'] });
    this.clock.pin(Date.parse('2026-04-20T08:00:00Z'));
    return this;
  }

  /** A dispatcher on this app's database (or another connection to it), not moved by the clock. */
  dispatcher(
    options: { db?: Knex; retry?: RetryPolicy; intervalMs?: number } = {},
  ): NotificatieDispatcher {
    const dispatcher = startNotificatieDispatcher({
      db: options.db ?? this.app.db,
      logger: createLogger('silent'),
      clock: { now: () => this.clock.now() },
      publicUrl: () => publicUrl,
      timeoutMs: 5_000,
      intervalMs: options.intervalMs ?? 3_600_000,
      ...(options.retry ? { retry: options.retry } : {}),
    });
    this.dispatchers.push(dispatcher);
    return dispatcher;
  }

  /**
   * Runs rounds until the feed has read every committed audit entry (on a shared PostgreSQL server
   * other transactions in flight hold the horizon back for a moment), then one more to post.
   */
  async dispatch(dispatcher: NotificatieDispatcher): Promise<void> {
    const giveUpAt = Date.now() + 30_000;
    for (;;) {
      await dispatcher.runOnce();
      if (await notificatieFeedCaughtUp(this.app.db)) break;
      if (Date.now() > giveUpAt)
        throw new Error('the notificatie feed did not catch up within 30 s');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await dispatcher.runOnce();
  }

  async close(): Promise<void> {
    for (const dispatcher of this.dispatchers) await dispatcher.stop();
    await this.app.close();
  }

  login(username: string): Promise<LoggedIn> {
    return this.app.login(username);
  }

  async call<T = Record<string, unknown>>(
    who: LoggedIn,
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) {
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

  async subscribe(
    beheerder: LoggedIn,
    callbackUrl: string,
    auth: string,
    filters: Record<string, string> = {},
  ) {
    const { status, body } = await this.call<{ id: string }>(
      beheerder,
      'POST',
      '/api/notificaties/abonnementen',
      {
        callbackUrl,
        auth,
        kanalen: [{ naam: 'zaken', filters }],
      },
    );
    if (status !== 201)
      throw new Error(`abonnement not created: ${status} ${JSON.stringify(body)}`);
    return body;
  }

  async createZaak(who: LoggedIn, omschrijving = 'Dakkapel Dorpsstraat 1') {
    const { status, body } = await this.call<{ id: string; identificatie: string }>(
      who,
      'POST',
      '/api/zaken',
      {
        zaaktype: 'omgevingsvergunning-regulier',
        bronorganisatie: testRsin,
        omschrijving,
        startdatum: '2026-04-20',
        initiator: { type: 'natuurlijk_persoon', bsn: testBsn, naam: 'J. Jansen' },
      },
      { 'idempotency-key': crypto.randomUUID() },
    );
    if (status !== 201) throw new Error(`zaak not created: ${status} ${JSON.stringify(body)}`);
    return body;
  }

  async act(who: LoggedIn, zaakId: string, action: string, body: unknown) {
    const result = await this.call(who, 'POST', `/api/zaken/${zaakId}/${action}`, body);
    if (result.status !== 200)
      throw new Error(`${action} failed: ${result.status} ${JSON.stringify(result.body)}`);
  }
}
