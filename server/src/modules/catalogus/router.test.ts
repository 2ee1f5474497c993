import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Request, RequestHandler } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.js';
import { AuthenticationError, NotAllowedError } from '../../http/errors.js';
import { createLogger } from '../../logging.js';
import { createTestDatabase, type TestDatabase } from '../../testing/testDatabase.js';
import { AuthorisationService } from './authorisationService.js';
import { catalogusRouter } from './router.js';
import { CatalogusService } from './service.js';
import type { ZaaktypeVersion } from './types.js';

/** Test stand-in for the auth module: the user and roles come from X-Test-User: name;role,role. */
function currentUser(req: Request): { username: string; roles: string[] } | undefined {
  const header = req.get('x-test-user');
  if (!header) return undefined;
  const [username = '', roles = ''] = header.split(';');
  return { username, roles: roles.split(',').filter(Boolean) };
}
const requireRole =
  (...roles: string[]): RequestHandler =>
  (req, _res, next) => {
    const user = currentUser(req);
    if (!user) return next(new AuthenticationError('sign in'));
    if (!roles.some((role) => user.roles.includes(role)))
      return next(new NotAllowedError(`needs ${roles.join('|')}`));
    next();
  };

const BEHEERDER = 'fb.jansen;beheerder';
const BEHANDELAAR = 'b.devries;behandelaar';
const fixture = JSON.parse(
  readFileSync(new URL('./fixtures/omgevingsvergunning.zaaktype.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;
const versionBody = { ...fixture };
delete versionBody.identificatie;

interface ErrorBody {
  error: { name: string; message: string; details: { problems?: unknown[] } };
}

describe('catalogus router (HTTP)', () => {
  let testDb: TestDatabase;
  let server: Server;
  let baseUrl: string;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    const router = catalogusRouter({
      catalogusService: new CatalogusService({ db: testDb.db, today: () => '2026-01-05' }),
      authorisationService: new AuthorisationService(testDb.db),
      modelCheck: async () => ({
        statustypen: ['Ontvangen', 'Afgehandeld'],
        resultaattypen: ['Verleend'],
      }),
      requireRole,
      currentUser,
    });
    const app = createApp({ db: testDb.db, logger: createLogger('silent'), routers: [router] });
    server = await new Promise<Server>((resolve) => {
      const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
    });
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await testDb.destroy();
  });

  async function call<T>(method: string, path: string, user?: string, body?: unknown) {
    const response = await fetch(baseUrl + path, {
      method,
      headers: { 'content-type': 'application/json', ...(user ? { 'x-test-user': user } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
  }

  const zaaktypen = '/api/catalogus/zaaktypen';
  const version1 = `${zaaktypen}/omgevingsvergunning-regulier/versies/1`;

  it('lets a beheerder create, read, change, publish and copy a zaaktype', async () => {
    const created = await call<ZaaktypeVersion>('POST', zaaktypen, BEHEERDER, fixture);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      identificatie: 'omgevingsvergunning-regulier',
      versie: 1,
      status: 'concept',
    });

    const changed = await call<ZaaktypeVersion>('PUT', version1, BEHEERDER, {
      ...versionBody,
      servicenorm: 'P5W',
    });
    expect(changed.status).toBe(200);
    expect(changed.body.servicenorm).toBe('P5W');

    const published = await call<ZaaktypeVersion>('POST', `${version1}/publiceren`, BEHEERDER, {
      beginGeldigheid: '2026-02-01',
    });
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({
      status: 'published',
      beginGeldigheid: '2026-02-01',
      publishedBy: 'fb.jansen',
    });

    const copy = await call<ZaaktypeVersion>('POST', `${version1}/kopie`, BEHEERDER);
    expect(copy.status).toBe(201);
    expect(copy.body).toMatchObject({ versie: 2, status: 'concept' });

    const list = await call<{
      zaaktypen: { identificatie: string; versies: { versie: number; status: string }[] }[];
    }>('GET', zaaktypen, BEHANDELAAR);
    expect(list.body.zaaktypen).toEqual([
      {
        identificatie: 'omgevingsvergunning-regulier',
        versies: [
          expect.objectContaining({ versie: 1, status: 'published' }),
          expect.objectContaining({ versie: 2, status: 'concept' }),
        ],
      },
    ]);
    const valid = await call<ZaaktypeVersion>(
      'GET',
      `${zaaktypen}/omgevingsvergunning-regulier/geldige-versie?peildatum=2026-03-01`,
      BEHANDELAAR,
    );
    expect(valid.body.versie).toBe(1);
    const whole = await call<{ versies: ZaaktypeVersion[] }>(
      'GET',
      `${zaaktypen}/omgevingsvergunning-regulier`,
      BEHANDELAAR,
    );
    expect(whole.body.versies).toHaveLength(2);

    const deleted = await call(
      'DELETE',
      `${zaaktypen}/omgevingsvergunning-regulier/versies/2`,
      BEHEERDER,
    );
    expect(deleted.status).toBe(204);
  });

  it('answers 409 naming the version when a published version is changed', async () => {
    const response = await call<ErrorBody>('PUT', version1, BEHEERDER, versionBody);
    expect(response.status).toBe(409);
    expect(response.body.error.message).toBe(
      'Version 1 of zaaktype omgevingsvergunning-regulier is published and cannot be changed; copy it to a new concept version instead',
    );
  });

  it('answers 400 with a problem per field, naming the field', async () => {
    const response = await call<ErrorBody>('POST', zaaktypen, BEHEERDER, {
      ...fixture,
      identificatie: 'bezwaar',
      doorloopTijd: 'P6W',
      resultaattypen: [
        {
          omschrijving: 'Gegrond',
          archiefnominatie: 'bewaren',
          archiefactietermijn: 'P10Y',
          brondatumArchiefprocedure: { afleidingswijze: 'afgehandeld' },
        },
      ],
    });
    expect(response.status).toBe(400);
    expect(response.body.error.name).toBe('InputError');
    expect(response.body.error.details.problems).toEqual([
      {
        path: 'resultaattypen.0.archiefnominatie',
        message: 'expected one of: blijvend_bewaren, vernietigen',
      },
      { path: '', message: 'Unrecognized key: "doorloopTijd"' },
    ]);
    expect(response.body.error.message).toContain('(root): Unrecognized key: "doorloopTijd"');
  });

  it('answers 404 for an unknown zaaktype or version and 400 for a malformed version number', async () => {
    expect((await call('GET', `${zaaktypen}/bestaat-niet`, BEHANDELAAR)).status).toBe(404);
    expect(
      (await call('GET', `${zaaktypen}/omgevingsvergunning-regulier/versies/9`, BEHANDELAAR))
        .status,
    ).toBe(404);
    expect(
      (await call('GET', `${zaaktypen}/omgevingsvergunning-regulier/versies/een`, BEHANDELAAR))
        .status,
    ).toBe(400);
  });

  it('requires a signed-in user to read and a beheerder to write', async () => {
    expect((await call('GET', zaaktypen)).status).toBe(401);
    expect(
      (await call('POST', zaaktypen, BEHANDELAAR, { ...fixture, identificatie: 'x' })).status,
    ).toBe(403);
    expect((await call('POST', `${version1}/kopie`, BEHANDELAAR)).status).toBe(403);
  });

  it('manages zaaktype authorisations', async () => {
    const path = '/api/catalogus/autorisaties/vergunningen/omgevingsvergunning-regulier';
    const granted = await call('PUT', path, BEHEERDER, {
      maxVertrouwelijkheidaanduiding: 'vertrouwelijk',
    });
    expect(granted.status).toBe(200);
    const list = await call<{ autorisaties: unknown[] }>(
      'GET',
      '/api/catalogus/autorisaties?groep=vergunningen',
      BEHANDELAAR,
    );
    expect(list.body.autorisaties).toEqual([
      {
        groep: 'vergunningen',
        zaaktypeIdentificatie: 'omgevingsvergunning-regulier',
        maxVertrouwelijkheidaanduiding: 'vertrouwelijk',
      },
    ]);
    const invalid = await call<ErrorBody>('PUT', path, BEHEERDER, {
      maxVertrouwelijkheidaanduiding: 'topgeheim',
    });
    expect(invalid.status).toBe(400);
    expect((await call('DELETE', path, BEHEERDER)).status).toBe(204);
  });
});
