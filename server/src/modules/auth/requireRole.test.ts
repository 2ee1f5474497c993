import { Router } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthModule } from './authModule.js';
import { AuthTestApp } from './testing/authTestApp.js';

function roleRouter(auth: AuthModule): Router {
  const router = Router();
  router.get('/api/test/beheer', auth.requireRole('beheerder'), (_req, res) => {
    res.json({ ok: true });
  });
  router.get('/api/test/overzicht', auth.requireRole('manager', 'coordinator'), (_req, res) => {
    res.json({ ok: true });
  });
  return router;
}

describe('requireRole', () => {
  let app: AuthTestApp;
  beforeAll(async () => {
    app = await new AuthTestApp().start({ routers: (auth) => [roleRouter(auth)] });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('lets a caller with the role through', async () => {
    const { cookie } = await app.login('beheerder');
    expect((await app.fetch('/api/test/beheer', { cookie })).status).toBe(200);
  });

  it('accepts any one of several roles', async () => {
    const manager = await app.login('manager');
    const coordinator = await app.login('coordinator');
    expect((await app.fetch('/api/test/overzicht', { cookie: manager.cookie })).status).toBe(200);
    expect((await app.fetch('/api/test/overzicht', { cookie: coordinator.cookie })).status).toBe(
      200,
    );
  });

  it('refuses a caller without the role with 403 naming the roles needed and held', async () => {
    const { cookie } = await app.login('behandelaar');
    const response = await app.fetch('/api/test/beheer', { cookie });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      error: {
        name: 'NotAllowedError',
        message: 'This needs one of the roles beheerder; you have behandelaar',
        details: { requiredRoles: ['beheerder'], roles: ['behandelaar'] },
      },
    });
  });

  it('refuses a service token on a route for people', async () => {
    const bearer = await app.serviceToken();
    expect((await app.fetch('/api/test/beheer', { bearer })).status).toBe(403);
  });

  it('refuses an unknown role name when the route is set up, not when it is called', () => {
    expect(() => app.auth.requireRole('admin')).toThrow('requireRole: unknown role "admin"');
  });

  it('asks anonymous callers to log in (401) before any role check', async () => {
    expect((await app.fetch('/api/test/beheer')).status).toBe(401);
  });
});
