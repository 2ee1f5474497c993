import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserSession, type BrowserSession } from '../testing/browserSession.js';

/** A cookie session on the API, for arranging what the UI then shows. */
async function apiSession(baseUrl: string, username: string) {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password: 'demo' }),
  });
  if (!login.ok) throw new Error(`login as ${username} failed: ${login.status}`);
  const cookie = login.headers.getSetCookie().map((value) => value.split(';')[0]).join('; ');
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return async <T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { Cookie: cookie, 'X-CSRF-Token': csrfToken, 'Content-Type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  };
}

async function logIn(page: Page, baseUrl: string, username: string) {
  await page.goto(`${baseUrl}/inloggen`);
  await page.getByLabel('Gebruikersnaam').fill(username);
  await page.getByLabel('Wachtwoord').fill('demo');
  await page.getByRole('button', { name: 'Inloggen' }).click();
}

describe('Signaleringen in the Werk area (built server and UI in Chromium)', () => {
  let session: BrowserSession;
  beforeAll(async () => {
    session = await startBrowserSession('signaleringen');
  }, 240_000);
  afterAll(async () => {
    await session?.close();
  });

  it('shows the card and the header count, and marks one and then all read', async () => {
    const { server } = session;
    const coordinator = await apiSession(server.url, 'coordinator');
    const bram = await apiSession(server.url, 'behandelaar');
    // given Bram shows only zaak events on his start page (the demo processes also create group tasks)
    await bram('PUT', '/api/signaleringen/instellingen', {
      instellingen: ['taak_toegewezen_mij', 'taak_toegewezen_groep', 'taak_fatale_datum'].map((eventType) => ({ eventType, dashboard: false, email: false })),
    });
    // and two zaken made his by the coordinator
    const zaken: { id: string; identificatie: string }[] = [];
    for (const omschrijving of ['Dakkapel Kerkstraat 1', 'Schuur Molenweg 7']) {
      const zaak = await coordinator<{ id: string; identificatie: string }>(
        'POST',
        '/api/zaken',
        { zaaktype: 'omgevingsvergunning', bronorganisatie: '002220647', omschrijving, initiator: { type: 'natuurlijk_persoon', bsn: '999993653', naam: 'Jan Jansen' } },
        { 'Idempotency-Key': `signaleringen-browser-${omschrijving}` },
      );
      await coordinator('POST', `/api/zaken/${zaak.id}/rollen`, { roltype: 'Vergunningverlener', betrokkene: { type: 'medewerker', username: 'behandelaar' } });
      zaken.push(zaak);
    }
    await expect
      .poll(async () => (await bram<{ ongelezen: number }>('GET', '/api/signaleringen/aantal')).ongelezen, { timeout: 30_000, interval: 500 })
      .toBe(2);

    // when Bram logs in
    const page = await session.newPage();
    await logIn(page, server.url, 'behandelaar');
    await page.getByRole('heading', { level: 1, name: 'Werkvoorraad' }).waitFor();
    // then the header shows two unread, and the card lists both zaken with links
    const headerLink = page.getByRole('banner').getByRole('link', { name: /Signaleringen/ });
    await expect.poll(() => headerLink.textContent()).toMatch(/Signaleringen\s*2 ongelezen/);
    const card = page.getByRole('region', { name: 'Signaleringen' });
    await card.getByRole('listitem').first().waitFor();
    expect(await card.getByRole('listitem').count()).toBe(2);
    for (const zaak of zaken) {
      const link = card.getByRole('link', { name: new RegExp(zaak.identificatie) });
      expect(await link.getAttribute('href')).toBe(`/zaken/${zaak.id}`);
    }
    await page.screenshot({ path: join(session.workDir, 'signaleringen-card.png') });

    // when he marks the first read
    await card.getByRole('button', { name: new RegExp(`Markeer als gelezen: .*${zaken[0]!.identificatie}`) }).click();
    // then it leaves the card and the count drops at once
    await expect.poll(() => card.getByRole('listitem').count()).toBe(1);
    await expect.poll(() => headerLink.textContent()).toMatch(/Signaleringen\s*1 ongelezen/);

    // when he marks all read
    await card.getByRole('button', { name: 'Alles als gelezen markeren' }).click();
    await card.getByText('Geen nieuwe signaleringen.').waitFor();
    await expect.poll(() => headerLink.textContent()).toMatch(/Signaleringen\s*0 ongelezen/);
    await page.close();
  }, 180_000);

  it('saves the settings on Werk → Instellingen', async () => {
    const page = await session.newPage();
    await logIn(page, session.server.url, 'behandelaar');
    await page.getByRole('heading', { level: 1, name: 'Werkvoorraad' }).waitFor();
    await page.getByRole('link', { name: 'Instellingen voor signaleringen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Instellingen' }).waitFor();
    const email = page.getByRole('checkbox', { name: 'Een document is aan mijn zaak toegevoegd: per e-mail' });
    expect(await email.isChecked()).toBe(false);
    await email.check();
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('Uw instellingen zijn opgeslagen.').waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Instellingen' }).waitFor();
    expect(await page.getByRole('checkbox', { name: 'Een document is aan mijn zaak toegevoegd: per e-mail' }).isChecked()).toBe(true);
    await page.close();
  });
});
