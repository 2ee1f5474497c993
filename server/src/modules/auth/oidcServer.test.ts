import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../config.js';
import { createLogger } from '../../logging.js';
import { startServer, type RunningServer } from '../../server.js';
import { createTestDatabase, type TestDatabase } from '../../testing/testDatabase.js';
import { sessionCookieOf } from './testing/authTestApp.js';
import { CookieJar, followRedirects, TestOidcProvider } from './testing/testOidcProvider.js';

/** The OIDC_* settings wired through the whole server: config → platform → auth module. */
describe('server with OIDC_ISSUER set', () => {
  let server: RunningServer;
  let dataDir: string;
  let testDb: TestDatabase | undefined;
  const provider = new TestOidcProvider({
    clientId: 'zaakstroom',
    clientSecret: 'server-test-client-secret',
    // The server's own URL is the default base of the redirect URI.
    redirectUri: () => `${server.url}/api/auth/oidc/callback`,
    postLogoutRedirectUri: () => `${server.url}/inloggen?uitgelogd=1`,
    users: {
      'sub-coordinator': {
        preferred_username: 'c.oidc',
        name: 'Coördinator via OIDC',
        // Keycloak's shape: roles nested, groups as paths.
        realm_access: { roles: ['coordinator'] },
        groups: ['/team-juridisch'],
      },
    },
  });

  beforeAll(async () => {
    await provider.listen();
    dataDir = await mkdtemp(join(tmpdir(), 'zaakstroom-oidc-'));
    testDb = process.env.TEST_DATABASE_URL
      ? await createTestDatabase({ migrate: false })
      : undefined;
    const config = readConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      ZEEBE_GATEWAY_PORT: '0',
      DATA_DIR: dataDir,
      DATABASE_URL: testDb?.url,
      LOG_LEVEL: 'silent',
      WORKERS_IN_PROCESS: 'false',
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: 'zaakstroom',
      OIDC_CLIENT_SECRET: 'server-test-client-secret',
      OIDC_ROLES_CLAIM: 'realm_access.roles',
    });
    server = await startServer(config, createLogger(config.LOG_LEVEL));
  }, 120_000);

  afterAll(async () => {
    await server?.close();
    await provider.close();
    await testDb?.destroy();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('offers the login, and a person of the provider gets a session with the mapped role and group', async () => {
    expect(await (await fetch(`${server.url}/api/auth/config`)).json()).toEqual({ oidc: true });

    provider.nextLogin = 'sub-coordinator';
    const { hops } = await followRedirects(`${server.url}/api/auth/oidc/login`, new CookieJar());
    const toProvider = new URL(hops[0]!.response.headers.get('location')!);
    expect(toProvider.searchParams.get('redirect_uri')).toBe(
      `${server.url}/api/auth/oidc/callback`,
    );
    const callback = hops.find((hop) => hop.url.pathname === '/api/auth/oidc/callback')!.response;
    expect(callback.headers.get('location')).toBe('/');

    const me = await fetch(`${server.url}/api/auth/me`, {
      headers: { cookie: sessionCookieOf(callback)! },
    });
    expect(((await me.json()) as { user: unknown }).user).toMatchObject({
      username: 'c.oidc',
      roles: ['coordinator'],
      groups: [{ code: 'team-juridisch' }],
    });
  });
});
