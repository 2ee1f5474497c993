import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthTestApp, sessionCookieOf } from './testing/authTestApp.js';
import {
  CookieJar,
  followRedirects,
  TestOidcProvider,
  type TestUserClaims,
} from './testing/testOidcProvider.js';

const clientId = 'zaakstroom-test';
const clientSecret = 'a-test-client-secret-of-some-length';
const callbackPath = '/api/auth/oidc/callback';

const users: Record<string, TestUserClaims> = {
  'sub-jan': {
    preferred_username: 'Jan.Oidc',
    name: 'Jan van OIDC',
    email: 'jan@gemeente.example',
    roles: ['behandelaar', 'koffiezetter'],
    groups: ['team-vergunningen', 'team-onbekend'],
  },
  'sub-piet': { preferred_username: 'piet.oidc', name: 'Piet', roles: ['koffiezetter'] },
  'sub-clash': { preferred_username: 'beheerder', name: 'Ander', roles: ['beheerder'] },
};

describe('login with OpenID Connect (real oidc-provider)', () => {
  const app = new AuthTestApp();
  const provider = new TestOidcProvider({
    clientId,
    clientSecret,
    redirectUri: () => `${app.url}${callbackPath}`,
    postLogoutRedirectUri: () => `${app.url}/inloggen?uitgelogd=1`,
    users,
  });

  beforeAll(async () => {
    await provider.listen();
    await app.start({
      oidc: {
        issuer: provider.issuer,
        clientId,
        clientSecret,
        redirectUri: () => `${app.url}${callbackPath}`,
        postLogoutRedirectUri: () => `${app.url}/inloggen?uitgelogd=1`,
        scopes: 'openid profile email',
        rolesClaim: 'roles',
        groupsClaim: 'groups',
      },
    });
  }, 60_000);
  afterAll(async () => {
    await app.close();
    await provider.close();
  });

  /** Runs the whole browser journey for `subject`; returns the callback's answer and the jar. */
  async function loginAs(subject: string, returnTo = '/werk') {
    provider.nextLogin = subject;
    const jar = new CookieJar();
    const { hops } = await followRedirects(
      `${app.url}/api/auth/oidc/login?terug=${encodeURIComponent(returnTo)}`,
      jar,
    );
    const callback = hops.find((hop) => hop.url.pathname === callbackPath);
    if (!callback)
      throw new Error(
        `the flow never reached the callback: ${hops.map((h) => h.url.href).join(' → ')}`,
      );
    return { hops, callback: callback.response, jar };
  }

  /** Entries of one action, newest first. */
  async function auditOf(action: string) {
    return app
      .db('audit_trail')
      .where({ action })
      .orderBy('id', 'desc')
      .select<{ actor_name: string; new_value: Record<string, unknown> }[]>(
        'actor_name',
        'new_value',
      );
  }

  it('given a known person, when they log in, then a session exists with mapped roles and groups', async () => {
    const { hops, callback, jar } = await loginAs('sub-jan');

    const toProvider = new URL(hops[0]!.response.headers.get('location')!);
    expect(toProvider.origin).toBe(provider.issuer);
    expect(toProvider.searchParams.get('code_challenge_method')).toBe('S256');
    expect(toProvider.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(toProvider.searchParams.get('state')).toBeTruthy();
    expect(toProvider.searchParams.get('nonce')).toBeTruthy();
    expect(hops[0]!.response.headers.getSetCookie().join()).toMatch(/zs_oidc=.*HttpOnly/i);

    expect(callback.status).toBe(303);
    expect(callback.headers.get('location')).toBe('/werk');
    const cookie = sessionCookieOf(callback);
    expect(cookie).toBeDefined();
    expect(jar.get(new URL(app.url), 'zs_session')).toBeDefined();

    const me = await app.fetch('/api/auth/me', { cookie: cookie! });
    expect(me.status).toBe(200);
    const body = (await me.json()) as { user: Record<string, unknown>; csrfToken: string };
    expect(body.user).toMatchObject({
      username: 'jan.oidc',
      displayName: 'Jan van OIDC',
      email: 'jan@gemeente.example',
      roles: ['behandelaar'],
      groups: [{ code: 'team-vergunningen', naam: 'Team Vergunningen' }],
    });
    expect(body.csrfToken).toBeTruthy();

    const account = await app.db('auth_accounts').where({ username: 'jan.oidc' }).first();
    expect(account).toMatchObject({
      password_hash: null,
      external_issuer: provider.issuer,
      external_subject: 'sub-jan',
    });
    const [audit] = await auditOf('auth.login');
    expect(audit).toMatchObject({ actor_name: 'jan.oidc' });
    expect(audit!.new_value).toMatchObject({ method: 'oidc', roles: ['behandelaar'] });
  });

  it('given changed claims at the provider, when logging in again, then roles and groups follow them', async () => {
    users['sub-jan'] = {
      ...users['sub-jan'],
      preferred_username: 'jan.hernoemd',
      name: 'Jan Hernoemd',
      roles: ['manager', 'Beheerder'],
      groups: [],
    };
    const { callback } = await loginAs('sub-jan', '/');
    expect(callback.headers.get('location')).toBe('/');
    const me = await app.fetch('/api/auth/me', { cookie: sessionCookieOf(callback)! });
    const body = (await me.json()) as { user: Record<string, unknown> };
    // The username stays (tasks and audit refer to it); name, roles and groups follow the provider.
    expect(body.user).toMatchObject({
      username: 'jan.oidc',
      displayName: 'Jan Hernoemd',
      roles: ['beheerder', 'manager'],
      groups: [],
    });
    const accounts = await app.db('auth_accounts').where({ external_subject: 'sub-jan' });
    expect(accounts).toHaveLength(1);
  });

  it("logs out here and names the provider's logout page; a local account gets a plain logout", async () => {
    const { callback } = await loginAs('sub-jan');
    const cookie = sessionCookieOf(callback)!;
    const me = (await (await app.fetch('/api/auth/me', { cookie })).json()) as {
      csrfToken: string;
    };

    const logout = await app.fetch('/api/auth/logout', {
      method: 'POST',
      cookie,
      csrfToken: me.csrfToken,
    });
    expect(logout.status).toBe(200);
    const { endSessionUrl } = (await logout.json()) as { endSessionUrl: string };
    const url = new URL(endSessionUrl);
    expect(url.origin).toBe(provider.issuer);
    expect(url.searchParams.get('client_id')).toBe(clientId);
    expect(url.searchParams.get('post_logout_redirect_uri')).toBe(
      `${app.url}/inloggen?uitgelogd=1`,
    );
    // The provider accepts it (asks to confirm), rather than rejecting the redirect URI.
    expect((await fetch(url, { redirect: 'manual' })).status).toBe(200);
    expect((await app.fetch('/api/auth/me', { cookie })).status).toBe(401);

    const local = await app.login('behandelaar');
    const localLogout = await app.fetch('/api/auth/logout', {
      method: 'POST',
      cookie: local.cookie,
      csrfToken: local.csrfToken,
    });
    expect(localLogout.status).toBe(204);
  });

  it('refuses a local password login for an account made by the provider', async () => {
    const response = await app.fetch('/api/auth/login', {
      method: 'POST',
      body: JSON.stringify({ username: 'jan.oidc', password: 'anything' }),
    });
    expect(response.status).toBe(401);
    const [failure] = await auditOf('auth.login_failed');
    expect(failure!.new_value).toMatchObject({ reason: 'no_password' });
  });

  it('given a person without any of our roles, then the login is refused with its reason', async () => {
    const { callback } = await loginAs('sub-piet');
    expect(callback.status).toBe(303);
    expect(callback.headers.get('location')).toBe('/inloggen?fout=oidc_geen_rol');
    expect(sessionCookieOf(callback)).toBeUndefined();
    expect(await app.db('auth_accounts').where({ username: 'piet.oidc' })).toHaveLength(0);
    const [failure] = await auditOf('auth.login_failed');
    expect(failure).toMatchObject({ actor_name: 'piet.oidc' });
    expect(failure!.new_value).toMatchObject({
      method: 'oidc',
      code: 'oidc_geen_rol',
      reason: 'no_known_role',
    });
  });

  it('refuses a username that belongs to a local account', async () => {
    const { callback } = await loginAs('sub-clash');
    expect(callback.headers.get('location')).toBe('/inloggen?fout=oidc_naam_bezet');
    expect(sessionCookieOf(callback)).toBeUndefined();
  });

  it('given a callback whose state differs, then it is refused, and the pending login is spent', async () => {
    provider.nextLogin = 'sub-jan';
    const jar = new CookieJar();
    const { next } = await followRedirects(
      `${app.url}/api/auth/oidc/login`,
      jar,
      (url) => url.pathname === callbackPath,
    );
    expect(next?.searchParams.get('code')).toBeTruthy();
    const forged = new URL(next!);
    forged.searchParams.set('state', 'someone-elses-state');

    const refused = await fetch(forged, {
      redirect: 'manual',
      headers: { cookie: jar.header(forged) },
    });
    expect(refused.status).toBe(303);
    expect(refused.headers.get('location')).toBe('/inloggen?fout=oidc_verlopen');
    expect(sessionCookieOf(refused)).toBeUndefined();
    const [failure] = await auditOf('auth.login_failed');
    expect(failure!.new_value).toMatchObject({ code: 'oidc_verlopen', reason: 'state_mismatch' });

    // The genuine callback comes too late: the pending login was used up by the forged one.
    const genuine = await fetch(next!, {
      redirect: 'manual',
      headers: { cookie: jar.header(next!) },
    });
    expect(genuine.headers.get('location')).toBe('/inloggen?fout=oidc_verlopen');
  });

  it('given a callback without the login cookie (another browser), then it is refused', async () => {
    provider.nextLogin = 'sub-jan';
    const { next } = await followRedirects(
      `${app.url}/api/auth/oidc/login`,
      new CookieJar(),
      (url) => url.pathname === callbackPath,
    );
    const response = await fetch(next!, { redirect: 'manual' });
    expect(response.headers.get('location')).toBe('/inloggen?fout=oidc_verlopen');
    const [failure] = await auditOf('auth.login_failed');
    expect(failure!.new_value).toMatchObject({ reason: 'no_pending_login' });
  });

  it('given an error from the provider (e.g. cancelled), then the login page says so', async () => {
    const jar = new CookieJar();
    const start = await fetch(`${app.url}/api/auth/oidc/login`, { redirect: 'manual' });
    jar.store(new URL(app.url), start);
    const state = new URL(start.headers.get('location')!).searchParams.get('state')!;
    const callback = new URL(`${app.url}${callbackPath}`);
    callback.search = new URLSearchParams({ error: 'access_denied', state }).toString();
    const response = await fetch(callback, {
      redirect: 'manual',
      headers: { cookie: jar.header(callback) },
    });
    expect(response.headers.get('location')).toBe('/inloggen?fout=oidc_geweigerd');
    const [failure] = await auditOf('auth.login_failed');
    expect(failure!.new_value).toMatchObject({
      code: 'oidc_geweigerd',
      reason: 'provider_error: access_denied',
    });
  });

  it('tells the login page that OpenID Connect is on, and only allows return paths inside the app', async () => {
    expect(await (await app.fetch('/api/auth/config')).json()).toEqual({ oidc: true });
    const { callback } = await loginAs('sub-jan', 'https://evil.example/');
    expect(callback.headers.get('location')).toBe('/');
  });
});

describe('with a provider that cannot be reached', () => {
  const app = new AuthTestApp();
  beforeAll(async () => {
    await app.start({
      oidc: {
        // Port 9 (discard) on loopback: nothing answers.
        issuer: 'http://127.0.0.1:9',
        clientId,
        redirectUri: () => `${app.url}${callbackPath}`,
        postLogoutRedirectUri: () => `${app.url}/inloggen?uitgelogd=1`,
        scopes: 'openid',
        rolesClaim: 'roles',
        groupsClaim: 'groups',
      },
    });
  }, 60_000);
  afterAll(async () => {
    await app.close();
  });

  it('sends the browser back to the login page with the reason, and audits it', async () => {
    const response = await app.fetch('/api/auth/oidc/login', { redirect: 'manual' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/inloggen?fout=oidc_mislukt');
    const failure = await app
      .db('audit_trail')
      .where({ action: 'auth.login_failed' })
      .first<{ new_value: Record<string, unknown> }>('new_value');
    expect(failure?.new_value).toMatchObject({
      method: 'oidc',
      code: 'oidc_mislukt',
      reason: expect.stringMatching(/^provider_unavailable: /),
    });
  });
});

describe('without OIDC_ISSUER', () => {
  const app = new AuthTestApp();
  beforeAll(async () => {
    await app.start();
  }, 60_000);
  afterAll(async () => {
    await app.close();
  });

  it('offers no OpenID Connect login and its routes answer 404', async () => {
    expect(await (await app.fetch('/api/auth/config')).json()).toEqual({ oidc: false });
    expect((await app.fetch('/api/auth/oidc/login', { redirect: 'manual' })).status).toBe(404);
    expect((await app.fetch(callbackPath, { redirect: 'manual' })).status).toBe(404);
  });
});
