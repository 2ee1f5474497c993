import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath } from '../testing/artifacts.js';
import { startBrowserSession, type BrowserSession } from '../testing/browserSession.js';

/**
 * A Woo-verzoek from intake to closure in Chromium, as three people: Bram (behandelaar) registers
 * it and assesses it, Cor (coordinator) takes the decision, and Mirjam (manager) sees it on the
 * Overzicht dashboard as closed within the legal term.
 */
describe('a Woo-verzoek by three users, ending on the dashboard (Chromium)', () => {
  let session: BrowserSession;
  let browser: Browser;

  beforeAll(async () => {
    session = await startBrowserSession('woo-verzoek');
    browser = session.browser;
  });
  afterAll(async () => {
    await session?.close();
  });

  async function logIn(username: string, path = '/'): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(`${session.server.url}/inloggen?terug=${encodeURIComponent(path)}`);
    await page.getByLabel('Gebruikersnaam').fill(username);
    await page.getByLabel('Wachtwoord').fill('demo');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.waitForURL((url) => url.pathname === path.split('?')[0]);
    return page;
  }

  /** Opens Groepstaken until the zaak's task named `taak` is there, claims it and opens it. */
  async function claimAndOpen(page: Page, zaaknummer: string, taak: string) {
    const row = () =>
      page.getByRole('row').filter({ hasText: zaaknummer }).filter({ hasText: taak });
    await expect
      .poll(
        async () => {
          await page.goto(`${session.server.url}/werk?lijst=groep`);
          await page.waitForLoadState('networkidle');
          return row().count();
        },
        { timeout: 30_000, message: `${taak} of ${zaaknummer} in Groepstaken` },
      )
      .toBeGreaterThan(0);
    await row()
      .getByRole('button', { name: /Ken aan mij toe/ })
      .click();
    await page.getByText(/is aan u toegewezen/).waitFor();
    await row().getByRole('link', { name: taak }).click();
    await page.locator('.fjs-form').waitFor();
  }

  it('is registered and assessed by a behandelaar, decided by a coordinator, and counted on the dashboard', async () => {
    // Bram registers the verzoek
    const bram = await logIn('behandelaar', '/zaken/nieuw');
    await bram.getByLabel('Zaaktype').selectOption('woo-verzoek');
    await bram.getByLabel('Omschrijving').fill('Woo-verzoek stukken herinrichting Marktplein');
    await bram.getByLabel('BSN', { exact: true }).fill('999993653');
    await bram.getByLabel('E-mailadres').fill('verzoeker@voorbeeld.nl');
    await bram.getByRole('button', { name: 'Zaak starten' }).click();
    await bram.getByText(/Zaak ZAAK-\d{4}-\d+ is gestart/).waitFor();
    const zaaknummer = (await bram.getByRole('heading', { level: 1 }).textContent())!.match(
      /ZAAK-\d{4}-\d+/,
    )![0];

    // and assesses it: no third parties, no verdaging
    await claimAndOpen(bram, zaaknummer, 'Verzoek beoordelen');
    await bram.getByLabel('Toelichting').fill('Stukken zijn in het zaaksysteem aanwezig.');
    await bram.getByRole('button', { name: 'Opslaan en afronden' }).click();
    await bram.getByText('De taak is afgerond').waitFor();
    await bram.close();

    // Cor takes the decision: not public, with a motivation
    const cor = await logIn('coordinator', '/werk');
    await claimAndOpen(cor, zaaknummer, 'Besluit nemen');
    await cor.getByLabel('Informatie wordt niet openbaar gemaakt').check();
    await cor
      .getByLabel('Motivering')
      .fill('De stukken bevatten uitsluitend persoonsgegevens van derden.');
    await cor.getByRole('button', { name: 'Opslaan en afronden' }).click();
    await cor.getByText('De taak is afgerond').waitFor();
    await cor.close();

    // Mirjam sees it closed within the legal term on the dashboard
    const mirjam = await logIn('manager', '/overzicht?zaaktype=woo-verzoek');
    const kpi = (label: string) =>
      mirjam
        .locator('.zs-kpi')
        .filter({ has: mirjam.locator('dt', { hasText: new RegExp(`^${label}$`) }) })
        .locator('.zs-kpi__value');
    await expect
      .poll(
        async () => {
          await mirjam.reload();
          await mirjam.waitForLoadState('networkidle');
          return kpi('Afgesloten in periode').textContent();
        },
        { timeout: 30_000, message: 'the Woo-verzoek counted as closed' },
      )
      .toBe('1');
    expect(await kpi('Binnen wettelijke termijn').textContent()).toBe('100%');
    expect(await kpi('Open zaken').textContent()).toBe('0');
    await mirjam.screenshot({ path: artifactPath('overzicht-woo-verzoek.png'), fullPage: true });
    await mirjam.close();
  });
});
