import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Request, RequestHandler } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.js';
import { AuthenticationError, NotAllowedError } from '../../http/errors.js';
import { createLogger } from '../../logging.js';
import { createTestDatabase, type TestDatabase } from '../../testing/testDatabase.js';
import { CalendarService } from './calendarService.js';
import { calendarRouter } from './router.js';

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

describe('calendar router (HTTP)', () => {
  let testDb: TestDatabase;
  let server: Server;
  let baseUrl: string;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    const router = calendarRouter({
      calendarService: new CalendarService(testDb.db),
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

  const call = (path: string, init: RequestInit & { user?: string } = {}) =>
    fetch(baseUrl + path, {
      ...init,
      headers: {
        'content-type': 'application/json',
        ...(init.user ? { 'x-test-user': init.user } : {}),
      },
    });

  it('lists the feestdagen of a year for any signed-in user', async () => {
    const response = await call('/api/kalender/feestdagen?jaar=2025', { user: 'bea;behandelaar' });
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      feestdagen: { datum: string; omschrijving: string }[];
    };
    expect(body.feestdagen).toContainEqual({ datum: '2025-04-26', omschrijving: 'Koningsdag' });
  });

  it('refuses anonymous reads with 401 and writes by non-beheerders with 403', async () => {
    expect((await call('/api/kalender/feestdagen?jaar=2025')).status).toBe(401);
    const body = JSON.stringify({ datum: '2026-05-15', omschrijving: 'Vrijdag na Hemelvaartsdag' });
    expect(
      (await call('/api/kalender/extra-dagen', { method: 'POST', body, user: 'bea;behandelaar' }))
        .status,
    ).toBe(403);
  });

  it('lets a beheerder add and remove an extra day, which the term preview then uses', async () => {
    const body = JSON.stringify({ datum: '2026-05-15', omschrijving: 'Vrijdag na Hemelvaartsdag' });
    const created = await call('/api/kalender/extra-dagen', {
      method: 'POST',
      body,
      user: 'fb;beheerder',
    });
    expect(created.status).toBe(201);

    const preview = await call('/api/kalender/termijn?startdatum=2026-05-08&duur=P1W', {
      user: 'bea;behandelaar',
    });
    expect(await preview.json()).toEqual({
      startdatum: '2026-05-08',
      duur: 'P1W',
      einddatum: '2026-05-18',
      einddatumZonderTermijnenwet: '2026-05-15',
    });

    const removed = await call('/api/kalender/extra-dagen/2026-05-15', {
      method: 'DELETE',
      user: 'fb;beheerder',
    });
    expect(removed.status).toBe(204);
    const list = await call('/api/kalender/extra-dagen', { user: 'bea;behandelaar' });
    expect(await list.json()).toEqual({ extraDagen: [] });
  });

  it('answers invalid input with field-level problems', async () => {
    const body = JSON.stringify({ datum: '2026-02-30', omschrijving: '' });
    const response = await call('/api/kalender/extra-dagen', {
      method: 'POST',
      body,
      user: 'fb;beheerder',
    });
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as {
      error: { details: { problems: { path: string }[] } };
    };
    expect(error.details.problems.map((problem) => problem.path)).toEqual([
      'datum',
      'omschrijving',
    ]);
  });
});
