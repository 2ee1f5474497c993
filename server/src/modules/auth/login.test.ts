import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEntries } from '../audit/auditService.js';
import { findAccountByUsername, updatePasswordHash } from './accountRepository.js';
import { hashPassword } from './passwordHashing.js';
import { AuthTestApp, minutes, sessionCookieOf, setCookieHeaderOf } from './testing/authTestApp.js';

describe('POST /api/auth/login', () => {
  let app: AuthTestApp;
  beforeAll(async () => {
    app = await new AuthTestApp().start();
  });
  afterAll(async () => {
    await app?.close();
  });

  function attempt(username: string, password: string, headers: Record<string, string> = {}) {
    return app.fetch('/api/auth/login', {
      method: 'POST',
      headers,
      body: JSON.stringify({ username, password }),
    });
  }

  it('logs in with the right password and returns the user, roles, groups and a CSRF token', async () => {
    // when the demo behandelaar logs in
    const response = await attempt('behandelaar', 'demo');
    // then the user comes back with a session cookie
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      user: {
        kind: 'user',
        username: 'behandelaar',
        roles: ['behandelaar'],
        groups: [
          { code: 'team-informatieverzoeken', naam: 'Team Informatieverzoeken (Woo)' },
          { code: 'team-vergunningen', naam: 'Team Vergunningen' },
        ],
      },
      csrfToken: expect.stringMatching(/^[\w-]{43}$/) as string,
      expiresAt: '2026-11-26T09:30:00.000Z',
    });
    expect(sessionCookieOf(response)).toMatch(/^zs_session=[\w-]{43}$/);
  });

  it('sets the cookie httpOnly, SameSite=Lax, Path=/ with Max-Age = session TTL, not Secure over http', async () => {
    // when logging in over plain http
    const response = await attempt('manager', 'demo');
    // then the cookie attributes protect the token
    const cookie = setCookieHeaderOf(response) ?? '';
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).toContain('Path=/');
    expect(cookie).toContain(`Max-Age=${minutes(30) / 1000}`);
    expect(cookie).not.toContain('Secure');
  });

  it('marks the cookie Secure when the request came over https (through a proxy on loopback)', async () => {
    // when a local reverse proxy forwards an https request
    const response = await attempt('manager', 'demo', { 'x-forwarded-proto': 'https' });
    // then the cookie is only sent back over https
    expect(setCookieHeaderOf(response)).toContain('Secure');
  });

  it('accepts the username in any case', async () => {
    expect((await attempt('  Coordinator ', 'demo')).status).toBe(200);
  });

  it('answers a wrong password and an unknown user alike, so usernames cannot be discovered', async () => {
    // when logging in with a wrong password and with a username that does not exist
    const wrongPassword = await attempt('beheerder', 'not-demo');
    const unknownUser = await attempt('nobody', 'demo');
    // then both get the same 401 and no cookie
    expect(wrongPassword.status).toBe(401);
    expect(unknownUser.status).toBe(401);
    const expected = {
      error: {
        name: 'AuthenticationError',
        message: 'Unknown username or wrong password',
        details: {},
      },
    };
    expect(await wrongPassword.json()).toEqual(expected);
    expect(await unknownUser.json()).toEqual(expected);
    expect(sessionCookieOf(wrongPassword)).toBeUndefined();
  });

  it('rejects a request without username or password with 400 naming the field', async () => {
    const response = await app.fetch('/api/auth/login', {
      method: 'POST',
      body: JSON.stringify({ username: 'x' }),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain(
      'password',
    );
  });

  it('upgrades a hash made with weaker scrypt parameters at the next login', async () => {
    // given a password hash from before the parameters were raised
    const account = await findAccountByUsername(app.db, 'behandelaar2');
    await updatePasswordHash(
      app.db,
      account?.id ?? '',
      await hashPassword('demo', { logN: 10, r: 8, p: 1 }),
      new Date(),
    );
    // when logging in
    expect((await attempt('behandelaar2', 'demo')).status).toBe(200);
    // then the stored hash uses today's parameters
    expect((await findAccountByUsername(app.db, 'behandelaar2'))?.passwordHash).toMatch(
      /^\$scrypt\$ln=16,r=8,p=1\$/,
    );
  });

  it('audits logins and failed logins with who, what and where from', async () => {
    // given a failed and a successful login of the beheerder
    await attempt('beheerder', 'wrong');
    const ok = await attempt('beheerder', 'demo');
    const { user } = (await ok.json()) as { user: { id: string } };
    // then both are in the audit trail
    const failed = await listAuditEntries(app.db, {
      resourceType: 'login',
      resourceId: 'beheerder',
    });
    expect(failed.entries[0]).toMatchObject({
      action: 'auth.login_failed',
      actor: { type: 'user', id: null, name: 'beheerder' },
      newValue: { ip: '127.0.0.1', reason: 'wrong_password' },
    });
    const succeeded = await listAuditEntries(app.db, {
      resourceType: 'account',
      resourceId: user.id,
    });
    expect(succeeded.entries[0]).toMatchObject({
      action: 'auth.login',
      actor: { type: 'user', id: user.id, name: 'beheerder' },
      requestId: expect.any(String) as string,
    });
  });
});

describe('login throttling', () => {
  let app: AuthTestApp;
  beforeAll(async () => {
    app = await new AuthTestApp().start();
  });
  afterAll(async () => {
    await app?.close();
  });

  async function attempt(username: string, password: string) {
    return app.fetch('/api/auth/login', {
      method: 'POST',
      body: JSON.stringify({ username, password }),
    });
  }

  it('refuses further attempts after 5 failures in 15 minutes, even with the right password, until the window passes', async () => {
    // given 5 failed attempts a minute apart
    for (let i = 0; i < 5; i++) {
      expect((await attempt('behandelaar2', `guess-${i}`)).status).toBe(401);
      app.clock.advance(minutes(1));
    }
    // when trying again with the right password
    const throttled = await attempt('behandelaar2', 'demo');
    // then 429 with the time to wait: the first failure (5 minutes ago) leaves the window in 10 minutes
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe(String(10 * 60));
    expect(await throttled.json()).toEqual({
      error: {
        name: 'TooManyRequestsError',
        message:
          'Too many failed logins for this username from your address; try again in 10 minutes',
        details: { retryAfterSeconds: 600 },
      },
    });
    const audited = await listAuditEntries(app.db, { action: 'auth.login_throttled' });
    expect(audited.entries).toHaveLength(1);

    // when the oldest failure has left the window
    app.clock.advance(minutes(10));
    // then one attempt is allowed again, and a success resets the count
    expect((await attempt('behandelaar2', 'demo')).status).toBe(200);
    expect((await attempt('behandelaar2', 'wrong')).status).toBe(401);
    expect((await attempt('behandelaar2', 'demo')).status).toBe(200);
  });

  it('throttles unknown usernames the same way', async () => {
    for (let i = 0; i < 5; i++) await attempt('ghost', 'x');
    expect((await attempt('ghost', 'x')).status).toBe(429);
  });
});
