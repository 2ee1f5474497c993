import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEntries, recordAudit } from '../audit/index.js';
import { AuthTestApp, type LoggedIn } from '../auth/testing/authTestApp.js';
import { CalendarService, calendarRouter } from '../deadlines/index.js';
import { auditEntryOf } from './auditEntry.js';
import { AuthorisationService } from './authorisationService.js';
import { catalogusRouter } from './router.js';
import { CatalogusService } from './service.js';

type Session = Pick<LoggedIn, 'cookie' | 'csrfToken'>;
const sessionOf = ({ cookie, csrfToken }: LoggedIn): Session => ({ cookie, csrfToken });

/**
 * The routers wired as the app should wire them: inside apiRouter, with the real auth module's
 * requireRole and currentUser, the audit trail as onChange, and the shared OpenAPI registry.
 */
describe('catalogus and calendar routers with the real auth module', () => {
  const app = new AuthTestApp();
  let beheerder: Session;
  let behandelaar: Session;
  const fixture = readFileSync(
    new URL('./fixtures/omgevingsvergunning.zaaktype.json', import.meta.url),
    'utf8',
  );

  beforeAll(async () => {
    await app.start({
      routers: (auth) => [
        catalogusRouter({
          catalogusService: new CatalogusService({
            db: app.db,
            onChange: async (change, trx) => {
              await recordAudit(trx, auditEntryOf(change));
            },
          }),
          authorisationService: new AuthorisationService(app.db),
          modelCheck: async () => ({ statustypen: [], resultaattypen: [] }),
          requireRole: auth.requireRole,
          currentUser: auth.currentUser,
          openApi: app.openApi,
        }),
        calendarRouter({
          calendarService: new CalendarService(app.db),
          requireRole: auth.requireRole,
          currentUser: auth.currentUser,
          openApi: app.openApi,
        }),
      ],
    });
    beheerder = sessionOf(await app.login('beheerder'));
    behandelaar = sessionOf(await app.login('behandelaar'));
  });
  afterAll(async () => {
    await app.close();
  });

  it('lets a beheerder create a zaaktype, recorded in the audit trail under their name', async () => {
    const response = await app.fetch('/api/catalogus/zaaktypen', {
      method: 'POST',
      body: fixture,
      ...beheerder,
    });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ createdBy: 'beheerder', status: 'concept' });
    const { entries } = await listAuditEntries(app.db, { action: 'zaaktype.aangemaakt' });
    expect(entries).toEqual([
      expect.objectContaining({
        actor: expect.objectContaining({ type: 'user', name: 'beheerder' }) as unknown,
        resourceType: 'zaaktype_versie',
        remark: 'omgevingsvergunning-regulier versie 1',
      }),
    ]);
  });

  it('lets a behandelaar read but not write, and keeps anonymous callers out', async () => {
    expect((await app.fetch('/api/catalogus/zaaktypen', behandelaar)).status).toBe(200);
    expect((await app.fetch('/api/kalender/feestdagen?jaar=2026', behandelaar)).status).toBe(200);
    const write = await app.fetch(
      '/api/catalogus/zaaktypen/omgevingsvergunning-regulier/versies/1/kopie',
      {
        method: 'POST',
        ...behandelaar,
      },
    );
    expect(write.status).toBe(403);
    expect((await app.fetch('/api/catalogus/zaaktypen')).status).toBe(401);
  });

  it('describes its operations in the OpenAPI document', async () => {
    const document = (await (await app.fetch('/api/openapi.json', behandelaar)).json()) as {
      paths: Record<string, Record<string, { 'x-roles'?: string[] }>>;
    };
    expect(
      document.paths['/api/catalogus/zaaktypen/{identificatie}/versies/{versie}/publiceren']
        ?.post?.['x-roles'],
    ).toEqual(['beheerder']);
    expect(document.paths['/api/kalender/termijn']?.get).toBeDefined();
  });
});
