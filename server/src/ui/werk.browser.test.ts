import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerProcess } from '../bench/serverProcess.js';
import { apiSession } from '../bench/apiSession.js';
import { startBrowserSession, type BrowserSession } from '../testing/browserSession.js';

/** The RSIN the zaken tests use; any RSIN passing the 11-proef will do. */
const bronorganisatie = '002220647';

async function logIn(page: Page, baseUrl: string, username: string, password: string) {
  await page.goto(`${baseUrl}/inloggen`);
  await page.getByLabel('Gebruikersnaam').fill(username);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
}

describe('Werk area (built server and UI in Chromium)', () => {
  let server: ServerProcess & { url: string };
  let browser: Browser;
  let workDir: string;

  let session: BrowserSession;
  beforeAll(async () => {
    session = await startBrowserSession('werk');
    ({ server, browser, workDir } = session);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('logs a behandelaar in, shows the werkvoorraad and logs out', async () => {
    // given the login page
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    // when the behandelaar logs in
    await logIn(page, server.url, 'behandelaar', 'demo');
    // then the Werk area opens on the werkvoorraad, with the user in the header
    await page.getByRole('heading', { level: 1, name: 'Werkvoorraad' }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Hoofdnavigatie' });
    expect(await nav.getByRole('link').allTextContents()).toEqual(['Werk']);
    expect(await page.getByRole('banner').textContent()).toContain('Bram Behandel');
    const lists = page.getByRole('navigation', { name: 'Werklijsten' });
    expect(await lists.getByRole('link').allTextContents()).toEqual([
      'Mijn taken',
      'Groepstaken',
      'Zaken-werkvoorraad',
    ]);
    await page.getByRole('heading', { level: 2, name: 'Mijn taken' }).waitFor();
    const screenshot = join(workDir, 'werkvoorraad.png');
    await page.screenshot({ path: screenshot, fullPage: true });
    console.log(`screenshot: ${screenshot}`);

    // when they log out
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    // then the login page says so, and the API no longer knows them
    await page.getByRole('heading', { level: 2, name: 'Inloggen' }).waitFor();
    await page.getByText('U bent uitgelogd.').waitFor();
    const me = await page.evaluate(async () => (await fetch('/api/auth/me')).status);
    expect(me).toBe(401);
    await page.close();
  });

  it('says plainly that a wrong password is wrong', async () => {
    // given the login page
    const page = await session.newPage();
    // when the password is wrong
    await logIn(page, server.url, 'behandelaar', 'fout');
    // then an error says so and the user stays on the login page
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Gebruikersnaam of wachtwoord is onjuist');
    expect(new URL(page.url()).pathname).toBe('/inloggen');
    await page.close();
  });

  it('sends a visitor without a session to the login page and back after login', async () => {
    // given a deep link to the zaken list, without a session
    const page = await session.newPage();
    await page.goto(`${server.url}/werk?lijst=zaken`);
    // then the login page shows; after login the list opens
    await page.getByRole('heading', { level: 2, name: 'Inloggen' }).waitFor();
    await page.getByLabel('Gebruikersnaam').fill('behandelaar');
    await page.getByLabel('Wachtwoord').fill('demo');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('heading', { level: 2, name: 'Zaken-werkvoorraad' }).waitFor();
    await page.close();
  });

  it('sends the user back to the login page with a message when the session has expired', async () => {
    // given a logged-in behandelaar whose session cookie is gone (as after expiry)
    const context = await browser.newContext();
    const page = await context.newPage();
    await logIn(page, server.url, 'behandelaar', 'demo');
    await page.getByRole('heading', { level: 1, name: 'Werkvoorraad' }).waitFor();
    await context.clearCookies();
    // when the next request answers 401
    await page.getByRole('link', { name: 'Groepstaken' }).click();
    // then the login page explains why, and returns to the list after login
    await page.getByText('Uw sessie is verlopen').waitFor();
    expect(new URL(page.url()).searchParams.get('terug')).toBe('/werk?lijst=groep');
    await context.close();
  });

  it('lets a behandelaar claim a groepstaak of a new zaak', async () => {
    // given a Woo-verzoek whose first task is for the behandelaar's team
    const api = await apiSession(server.url, 'coordinator');
    const zaak = await api<{ id: string; identificatie: string }>(
      '/api/zaken',
      {
        zaaktype: 'woo-verzoek',
        bronorganisatie,
        omschrijving: 'Woo-verzoek browsertest',
        initiator: { type: 'natuurlijk_persoon', bsn: '999993653', naam: 'Jan Jansen' },
      },
      { 'Idempotency-Key': 'werk-browser-test-1' },
    );
    await expect
      .poll(
        async () => (await api<{ total: number }>(`/api/taken?scope=all&zaakId=${zaak.id}`)).total,
        {
          timeout: 20_000,
        },
      )
      .toBeGreaterThan(0);

    // when the behandelaar opens Groepstaken and claims it
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await logIn(page, server.url, 'behandelaar', 'demo');
    await page.getByRole('link', { name: 'Groepstaken' }).click();
    const row = page.getByRole('row').filter({ hasText: zaak.identificatie });
    await row.waitFor();
    expect(await row.getByRole('link', { name: zaak.identificatie }).getAttribute('href')).toBe(
      `/zaken/${zaak.id}`,
    );
    await row.getByRole('button', { name: /Ken aan mij toe/ }).click();

    // then the list says so and the task is in Mijn taken
    await page.getByText(/is aan u toegewezen/).waitFor();
    await page.getByRole('link', { name: 'Mijn taken' }).click();
    await page.getByRole('row').filter({ hasText: zaak.identificatie }).waitFor();
    await page.screenshot({ path: join(workDir, 'mijn-taken.png'), fullPage: true });
    await page.close();
  });

  it('lets a coordinator find tasks, give them to a colleague with a reason, and export the list', async () => {
    // given two new meldingen whose tasks wait in a group
    const api = await apiSession(server.url, 'coordinator');
    const zaken = [];
    for (const nummer of [1, 2]) {
      const zaak = await api<{ id: string; identificatie: string }>(
        '/api/zaken',
        {
          zaaktype: 'woo-verzoek',
          bronorganisatie,
          omschrijving: `Verdeeltest ${nummer}`,
          initiator: { type: 'natuurlijk_persoon', bsn: '999993653', naam: 'Jan Jansen' },
        },
        { 'Idempotency-Key': `werk-browser-verdelen-${nummer}` },
      );
      zaken.push(zaak);
      await expect
        .poll(
          async () =>
            (await api<{ total: number }>(`/api/taken?scope=all&zaakId=${zaak.id}`)).total,
          { timeout: 20_000 },
        )
        .toBeGreaterThan(0);
    }

    // when the coordinator searches Alle taken (the server filters) and selects both
    const page = await browser.newPage({
      viewport: { width: 1400, height: 900 },
      acceptDownloads: true,
    });
    await logIn(page, server.url, 'coordinator', 'demo');
    await page.getByRole('heading', { level: 1, name: 'Werkvoorraad' }).waitFor();
    await page.getByRole('link', { name: 'Alle taken' }).click();
    await page.getByRole('textbox', { name: /^Zoeken/ }).fill('Verdeeltest');
    await page.getByRole('button', { name: 'Filteren' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('Verdeeltest');
    for (const zaak of zaken) {
      const row = page.getByRole('row').filter({ hasText: zaak.identificatie });
      await row.getByRole('checkbox').check();
    }
    expect(await page.getByRole('row').count()).toBe(3); // header + the two found

    // and gives them to behandelaar2 with a reason
    await page.getByLabel('Aan', { exact: true }).selectOption('behandelaar2');
    await page.getByRole('button', { name: 'Verdelen' }).click();
    await page.getByText('Geef een reden').waitFor(); // the reason is required
    await page.getByLabel('Reden').fill('Vakantie');
    await page.getByRole('button', { name: 'Verdelen' }).click();

    // then both are assigned, and the audit trail keeps the reason
    await page.getByText('2 taken zijn toegewezen aan behandelaar2').waitFor();
    for (const zaak of zaken) {
      await page
        .getByRole('row')
        .filter({ hasText: zaak.identificatie })
        .filter({ hasText: 'behandelaar2' })
        .waitFor();
    }
    const page1 = await api<{ taken: Array<{ id: string; assignee: string }> }>(
      `/api/taken?scope=all&q=Verdeeltest`,
    );
    expect(page1.taken.map((t) => t.assignee)).toEqual(['behandelaar2', 'behandelaar2']);

    // and the list downloads as CSV with both rows
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Exporteren (CSV)' }).click(),
    ]);
    const csvPath = join(workDir, 'taken.csv');
    await download.saveAs(csvPath);
    const csv = await readFile(csvPath, 'utf8');
    expect(csv.split('\r\n')[0]).toContain('Taak;Zaaknummer');
    for (const zaak of zaken) expect(csv).toContain(zaak.identificatie);
    await page.close();
  });
});
