import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestOidcProvider } from '../modules/auth/testing/testOidcProvider.js';
import { startBrowserSession, type BrowserSession } from '../testing/browserSession.js';

const clientId = 'zaakstroom';
const clientSecret = 'browser-test-client-secret';

/** "Inloggen met gemeente-account" in Chromium, against a real oidc-provider on loopback. */
describe('login with the gemeente-account (built server and UI in Chromium)', () => {
  let session: BrowserSession;
  const provider = new TestOidcProvider({
    clientId,
    clientSecret,
    redirectUri: () => `${session.server.url}/api/auth/oidc/callback`,
    postLogoutRedirectUri: () => `${session.server.url}/inloggen?uitgelogd=1`,
    users: {
      'sub-bea': {
        preferred_username: 'bea.oidc',
        name: 'Bea van de Gemeente',
        roles: ['behandelaar'],
        groups: ['team-vergunningen'],
      },
      'sub-zonder-rol': { preferred_username: 'kees.oidc', name: 'Kees', roles: ['stagiair'] },
    },
  });

  beforeAll(async () => {
    await provider.listen();
    session = await startBrowserSession('oidc', undefined, {
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: clientId,
      OIDC_CLIENT_SECRET: clientSecret,
    });
  }, 120_000);

  afterAll(async () => {
    await session?.close();
    await provider.close();
  });

  it('logs a behandelaar in through the provider, and out there too', async () => {
    // given the login page of a server with OpenID Connect
    const page = await session.newPage();
    await page.goto(`${session.server.url}/inloggen`);
    // when the behandelaar chooses the gemeente-account (the provider signs them in at once)
    provider.nextLogin = 'sub-bea';
    await page.getByRole('link', { name: 'Inloggen met gemeente-account' }).click();
    // then the Werk area opens with their name from the provider
    await page.getByRole('heading', { level: 1, name: 'Werkvoorraad' }).waitFor();
    expect(await page.getByRole('banner').textContent()).toContain('Bea van de Gemeente');

    // when they log out, and confirm at the provider
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.getByRole('button', { name: /sign me out/i }).click();
    // then they are back at the login page, logged out here as well
    await page.getByText('U bent uitgelogd.').waitFor();
    expect(await page.evaluate(async () => (await fetch('/api/auth/me')).status)).toBe(401);
    await page.close();
  });

  it('explains a refusal: an account without a Zaakstroom role', async () => {
    const page = await session.newPage();
    await page.goto(`${session.server.url}/inloggen`);
    provider.nextLogin = 'sub-zonder-rol';
    await page.getByRole('link', { name: 'Inloggen met gemeente-account' }).click();
    await page.getByText('Uw gemeente-account heeft geen rol in Zaakstroom').waitFor();
    expect(new URL(page.url()).pathname).toBe('/inloggen');
    await page.close();
  });
});
