import type { Router } from 'express';
import type { PublicRoute } from '../../../http/apiRouter.js';
import type { ZaakServiceOptions } from '../dependencies.js';
import type { AuthModule } from '../../auth/index.js';
import { AuthTestApp, type LoggedIn } from '../../auth/testing/authTestApp.js';
import { AuthorisationService, CatalogusService } from '../../catalogus/index.js';
import { CalendarService, type CalendarDate } from '../../deadlines/index.js';
import { zakenRouter } from '../router.js';
import type { Zaak, ZaakDetail, ZaakNotitie } from '../types.js';
import { ZaakService } from '../service.js';
import { publishFixtureZaaktype, testBsn, testRsin } from './publishedZaaktype.js';

/**
 * Any answer of the routes under test, typed loosely for assertions: a zaak, a page, an error, …
 * Only the fields of the actual answer are present.
 */
export interface AnswerBody extends ZaakDetail {
  error: { name: string; message: string; details: Record<string, unknown> };
  zaken: Zaak[];
  total: number;
  notities: ZaakNotitie[];
  entries: { action: string; oldValue: unknown; newValue: unknown }[];
  paths: Record<string, Record<string, { 'x-roles'?: string[] } | undefined> | undefined>;
}

export type Session = Pick<LoggedIn, 'cookie' | 'csrfToken'> | { bearer: string };

/**
 * The zaken router in the production wiring (apiRouter, real auth, audit) on a fresh database,
 * with the omgevingsvergunning zaaktype published and authorised for team-vergunningen, and a
 * clock the test sets (`today`).
 */
export class ZakenTestApp {
  readonly app = new AuthTestApp();
  today: CalendarDate = '2026-09-01';
  readonly zaaktype = 'omgevingsvergunning-regulier';

  /** `routers`: modules that hang off a zaak (documenten, …), mounted beside the zaken router. */
  async start(
    options: {
      routers?: (auth: AuthModule, zaken: ZaakService) => Router[];
      publicRoutes?: readonly PublicRoute[];
      outerRouters?: () => Router[];
      onCreated?: ZaakServiceOptions['onCreated'];
    } = {},
  ): Promise<this> {
    let catalogus: CatalogusService | undefined;
    await this.app.start({
      routers: (auth) => {
        const service = new ZaakService({
          db: this.app.db,
          catalogus: (catalogus = new CatalogusService({ db: this.app.db })),
          authorisation: new AuthorisationService(this.app.db),
          calendar: new CalendarService(this.app.db),
          today: () => this.today,
          ...(options.onCreated ? { onCreated: options.onCreated } : {}),
        });
        return [
          zakenRouter({ service, requireRole: auth.requireRole, openApi: this.app.openApi }),
          ...(options.routers?.(auth, service) ?? []),
        ];
      },
      ...(options.publicRoutes ? { publicRoutes: options.publicRoutes } : {}),
      ...(options.outerRouters ? { outerRouters: options.outerRouters } : {}),
    });
    if (!catalogus) throw new Error('the zaken router was not created');
    await publishFixtureZaaktype(this.app.db, { catalogus, groups: ['team-vergunningen'] });
    return this;
  }

  close(): Promise<void> {
    return this.app.close();
  }

  async session(username: string): Promise<Session> {
    const { cookie, csrfToken } = await this.app.login(username);
    return { cookie, csrfToken };
  }

  async worker(): Promise<Session> {
    return { bearer: await this.app.serviceToken() };
  }

  async call(
    session: Session,
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) {
    const response = await this.app.fetch(path, {
      method,
      headers,
      ...session,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : {}) as AnswerBody };
  }

  newZaak(overrides: Record<string, unknown> = {}) {
    return {
      zaaktype: this.zaaktype,
      bronorganisatie: testRsin,
      omschrijving: 'Dakkapel Dorpsstraat 1',
      initiator: {
        type: 'natuurlijk_persoon',
        bsn: testBsn,
        naam: 'J. Jansen',
        email: 'j.jansen@example.org',
      },
      ...overrides,
    };
  }

  async createZaak(session: Session, key = crypto.randomUUID(), body: unknown = this.newZaak()) {
    return this.call(session, 'POST', '/api/zaken', body, { 'idempotency-key': key });
  }
}
