import { join } from 'node:path';
import { type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerProcess } from '../testing/serverProcess.js';
import { startBrowserSession, type BrowserSession } from '../testing/browserSession.js';

/** Where the screenshots go, for a person to look at. */
const screenshotDir = '/tmp';

describe('Beheer: a beheerder models a new zaaktype (built server and UI in Chromium)', () => {
  let server: ServerProcess & { url: string };
  const pageErrors: string[] = [];

  let session: BrowserSession;
  beforeAll(async () => {
    session = await startBrowserSession('beheer', { width: 1440, height: 1000 });
    ({ server } = session);
  });

  afterAll(async () => {
    await session?.close();
  });

  async function logIn(page: Page) {
    await page.goto(`${server.url}/inloggen?terug=/beheer`);
    await page.getByLabel('Gebruikersnaam').fill('beheerder');
    await page.getByLabel('Wachtwoord').fill('demo');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.waitForURL(/\/beheer$/);
  }

  it('creates a concept, opens the process editor and shows the canvas and the checks', async () => {
    // given a beheerder on the Beheer page
    const page = await session.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await logIn(page);
    await expect
      .poll(() => page.getByRole('heading', { name: 'Zaaktypen' }).isVisible())
      .toBe(true);

    // when she creates a new zaaktype
    await page.getByRole('button', { name: 'Nieuw zaaktype' }).click();
    await page.getByLabel('Identificatie').fill('kapvergunning');
    await page.getByLabel('Omschrijving').fill('Kapvergunning');
    await page.getByRole('button', { name: 'Concept aanmaken' }).click();

    // then the process editor opens on the new concept, with the diagram and the checks
    await page.waitForURL(/\/beheer\/zaaktypen\/kapvergunning\/versies\/1\/proces$/);
    await expect
      .poll(() => page.locator('.djs-container svg').count(), { timeout: 20_000 })
      .toBeGreaterThan(0);
    await expect
      .poll(() => page.locator('[data-element-id="ZaakOntvangen"]').count())
      .toBeGreaterThan(0);
    const summary = page.locator('.zs-lint-panel [role="status"]');
    await expect
      .poll(() => summary.textContent(), { timeout: 20_000 })
      .toMatch(/waarschuwing|fout|Geen problemen/);
    // the new model sets no status yet, which the Zaakstroom rules point out
    await expect
      .poll(() => page.locator('.zs-lint-panel').textContent())
      .toContain('Het proces zet nergens een status');
    await expect.poll(() => page.locator('.bio-properties-panel').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(screenshotDir, 'beheer-proces.png'), fullPage: true });

    // and saving stores the model with the concept
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => page.getByText('Alles opgeslagen').isVisible()).toBe(true);

    // and the Publiceren tab lists what stands in the way of publishing
    await page.getByRole('link', { name: 'Publiceren' }).click();
    await expect
      .poll(() => page.locator('.zs-publish').textContent(), { timeout: 20_000 })
      .toContain('resultaattype');
    expect(await page.locator('.zs-publish').textContent()).not.toContain('nog geen procesmodel');
    await page.screenshot({ path: join(screenshotDir, 'beheer-publiceren.png'), fullPage: true });

    // and the list shows the new concept
    await page.getByRole('link', { name: '← Alle zaaktypen' }).click();
    await expect
      .poll(() => page.getByRole('row', { name: /Kapvergunning/ }).textContent())
      .toContain('Concept');
    await page.screenshot({ path: join(screenshotDir, 'beheer-lijst.png'), fullPage: true });
    expect(pageErrors).toEqual([]);
  });
});
