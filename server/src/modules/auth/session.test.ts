import { Router } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEntries } from '../audit/auditService.js';
import { AuthTestApp, minutes, setCookieHeaderOf, type LoggedIn } from './testing/authTestApp.js';

/** A state-changing route any signed-in caller may use, to exercise the CSRF check. */
function echoRouter(): Router {
  const router = Router();
  router.post('/api/test/echo', (req, res) => {
    res.json({ username: req.principal?.username });
  });
  return router;
}

describe('sessions', () => {
  let app: AuthTestApp;
  beforeAll(async () => {
    app = await new AuthTestApp().start({
      sessionTtlMs: minutes(30),
      sessionMaxLifetimeMs: minutes(120),
      routers: () => [echoRouter()],
    });
  });
  afterAll(async () => {
    await app?.close();
  });

  async function me(session: LoggedIn) {
    return app.fetch('/api/auth/me', { cookie: session.cookie });
  }

  it('GET /api/auth/me returns the user, roles, groups and the CSRF token of the session', async () => {
    const session = await app.login('coordinator');
    const response = await me(session);
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      user: { roles: string[]; groups: unknown[] };
      csrfToken: string;
    };
    expect(body.user.roles).toEqual(['coordinator', 'behandelaar']);
    expect(body.user.groups).toHaveLength(4);
    expect(body.csrfToken).toBe(session.csrfToken);
  });

  it('answers requests without a session with 401 telling to log in', async () => {
    const response = await app.fetch('/api/auth/me');
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({
      error: {
        name: 'AuthenticationError',
        message: expect.stringContaining('Log in first') as string,
      },
    });
  });

  it('answers an unknown session token with 401 and removes the cookie', async () => {
    const response = await app.fetch('/api/auth/me', { cookie: `zs_session=${'x'.repeat(43)}` });
    expect(response.status).toBe(401);
    expect(setCookieHeaderOf(response)).toMatch(/^zs_session=;.*Expires=Thu, 01 Jan 1970/);
  });

  it('slides the expiry while in use and renews the cookie', async () => {
    // given a session used 20 minutes after login
    const session = await app.login('behandelaar');
    app.clock.advance(minutes(20));
    const used = await me(session);
    expect(used.status).toBe(200);
    expect(setCookieHeaderOf(used)).toContain(`Max-Age=${minutes(30) / 1000}`);
    // when another 20 minutes pass (40 after login, past the first expiry)
    app.clock.advance(minutes(20));
    // then the session still works
    expect((await me(session)).status).toBe(200);
  });

  it('expires after the idle time-out with 401 saying the session expired and to log in again', async () => {
    // given a session left alone for longer than the TTL
    const session = await app.login('behandelaar');
    app.clock.advance(minutes(31));
    // when it is used
    const response = await me(session);
    // then the answer says why, and what to do
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      error: {
        name: 'AuthenticationError',
        message: 'Your session has expired; log in again',
        details: { reason: 'session_expired', expiredAt: expect.any(String) as string },
      },
    });
    expect(setCookieHeaderOf(response)).toMatch(/^zs_session=;/);
  });

  it('ends a busy session at its absolute lifetime', async () => {
    // given a session used every 25 minutes
    const session = await app.login('manager');
    for (let elapsed = 25; elapsed < 120; elapsed += 25) {
      app.clock.advance(minutes(25));
      expect((await me(session)).status).toBe(200);
    }
    // when the absolute lifetime of 2 hours has passed
    app.clock.advance(minutes(25));
    // then it has expired
    expect((await me(session)).status).toBe(401);
  });

  it('logout invalidates the session, clears the cookie and is audited', async () => {
    // given a logged-in beheerder
    const session = await app.login('beheerder');
    // when logging out
    const logout = await app.fetch('/api/auth/logout', { method: 'POST', ...session });
    // then the cookie is cleared and the old token no longer works
    expect(logout.status).toBe(204);
    expect(setCookieHeaderOf(logout)).toMatch(/^zs_session=;/);
    const after = await me(session);
    expect(after.status).toBe(401);
    expect(((await after.json()) as { error: { message: string } }).error.message).toContain(
      'no longer valid',
    );
    const audited = await listAuditEntries(app.db, { action: 'auth.logout' });
    expect(audited.entries[0]?.actor.name).toBe('beheerder');
  });

  describe('CSRF protection', () => {
    it('refuses a state-changing request without the X-CSRF-Token header with 403', async () => {
      const { cookie } = await app.login('behandelaar');
      const response = await app.fetch('/api/test/echo', { method: 'POST', cookie, body: '{}' });
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({
        error: { name: 'NotAllowedError', details: { reason: 'csrf_missing' } },
      });
    });

    it('refuses a forged or foreign token with 403', async () => {
      const mine = await app.login('behandelaar');
      const theirs = await app.login('behandelaar2');
      for (const csrfToken of ['forged', theirs.csrfToken]) {
        const response = await app.fetch('/api/test/echo', {
          method: 'POST',
          cookie: mine.cookie,
          csrfToken,
          body: '{}',
        });
        expect(response.status).toBe(403);
        expect(await response.json()).toMatchObject({
          error: { details: { reason: 'csrf_mismatch' } },
        });
      }
    });

    it('lets the request through with the session token, and logout needs it too', async () => {
      const session = await app.login('behandelaar');
      const response = await app.fetch('/api/test/echo', {
        method: 'POST',
        ...session,
        body: '{}',
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ username: 'behandelaar' });
      const forcedLogout = await app.fetch('/api/auth/logout', {
        method: 'POST',
        cookie: session.cookie,
      });
      expect(forcedLogout.status).toBe(403);
    });
  });
});
