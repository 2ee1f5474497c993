import { readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerProcess } from '../bench/serverProcess.js';
import { startBrowserSession, type BrowserSession } from '../testing/browserSession.js';
import { freePort } from '../bench/engineProcess.js';
import { createZeebeClient } from '../engine/conformance/zeebeClient.js';
import { seriousAccessibilityViolations } from '../testing/accessibility.js';

/** Where the screenshots go, for a person to look at. */
const screenshotDir = '/tmp';

describe('Beheer: a beheerder models a new zaaktype (built server and UI in Chromium)', () => {
  let server: ServerProcess & { url: string };
  const pageErrors: string[] = [];

  let session: BrowserSession;
  let gatewayPort: number;
  beforeAll(async () => {
    gatewayPort = await freePort();
    session = await startBrowserSession(
      'beheer',
      { width: 1440, height: 1000 },
      { ZEEBE_GATEWAY_PORT: String(gatewayPort) },
    );
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
    // the login page's own address ends in `?terug=/beheer`, so match the path, not the URL
    await page.waitForURL((url) => url.pathname === '/beheer');
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

  /** Opens the Proces tab of the kapvergunning concept the first test made. */
  async function openProcessEditor(page: Page) {
    await logIn(page);
    await page.goto(`${server.url}/beheer/zaaktypen/kapvergunning/versies/1/proces`);
    await expect.poll(() => importState(page), { timeout: 20_000 }).toBe('ok');
  }
  const importState = (page: Page) => page.locator('.zs-proces').getAttribute('data-import-state');
  const importsDone = async (page: Page) =>
    Number(await page.locator('.zs-proces').getAttribute('data-imports-done'));
  /** Clicks an export button and answers the file the browser saved. */
  async function download(page: Page, button: string): Promise<Buffer> {
    const [saved] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: button }).click(),
    ]);
    return readFile(await saved.path());
  }

  async function importFile(page: Page, file: { name: string; mimeType: string; buffer: Buffer }) {
    const before = await importsDone(page);
    await page.locator('.zs-proces input[type=file]').setInputFiles(file);
    await expect.poll(() => importsDone(page), { timeout: 20_000 }).toBeGreaterThan(before);
  }

  it('imports every BPMN model of the conformance suites and processes/, and each export deploys unchanged', async () => {
    const page = await session.newPage();
    await openProcessEditor(page);
    const repo = fileURLToPath(new URL('../../../', import.meta.url));
    const models = [
      ...readdirSync(join(repo, '../shared/conformance'), { recursive: true, encoding: 'utf8' })
        .filter((file) => file.endsWith('.bpmn'))
        .map((file) => join(repo, '../shared/conformance', file)),
      ...readdirSync(join(repo, 'processes')).map((dir) =>
        join(repo, 'processes', dir, 'process.bpmn'),
      ),
    ];
    expect(models.length).toBeGreaterThan(20);
    const zeebe = createZeebeClient(`127.0.0.1:${gatewayPort}`);
    try {
      for (const model of models) {
        await importFile(page, {
          name: basename(model),
          mimeType: 'application/xml',
          buffer: readFileSync(model),
        });
        const problem = await page.locator('.zs-proces [role="alert"]').allTextContents();
        expect(await importState(page), `${model}: ${problem.join(' ')}`).toBe('ok');
        expect(problem, `${model}: import warnings`).toEqual([]);
        const exported = await download(page, 'Exporteren (.bpmn)');
        const deployed = await zeebe.deployResource({ process: exported, name: basename(model) });
        expect(deployed.deployments.length, model).toBeGreaterThan(0);
      }
    } finally {
      await zeebe.close();
    }
  });

  it('refuses broken input with a clear message and keeps the last good model', async () => {
    const page = await session.newPage();
    await openProcessEditor(page);
    const good = readFileSync(new URL('../../../processes/bezwaar/process.bpmn', import.meta.url));
    await importFile(page, { name: 'bezwaar.bpmn', mimeType: 'application/xml', buffer: good });
    const element = page.locator('[data-element-id="BezwaarBeoordelen"]');
    expect(await element.count()).toBeGreaterThan(0);
    const alert = page.locator('.zs-proces [role="alert"]');

    // XML that is not BPMN
    await importFile(page, {
      name: 'notitie.xml',
      mimeType: 'application/xml',
      buffer: Buffer.from('<notitie>hallo</notitie>'),
    });
    expect(await importState(page)).toBe('failed');
    expect(await alert.textContent()).toContain('geen bruikbaar BPMN-model');
    await expect.poll(() => element.count()).toBeGreaterThan(0);

    // a 20 MB file
    await importFile(page, {
      name: 'groot.bpmn',
      mimeType: 'application/xml',
      buffer: Buffer.alloc(20 * 1_048_576, 0x20),
    });
    expect(await alert.textContent()).toMatch(/20\.0 MB; een procesmodel is hoogstens 5 MB/);
    expect(await element.count()).toBeGreaterThan(0);

    // a model with an element Zeebe does not run: refused with the element named
    const complex = good
      .toString()
      .replace(/<bpmn:exclusiveGateway /, '<bpmn:complexGateway ')
      .replace(/<\/bpmn:exclusiveGateway>/, '</bpmn:complexGateway>');
    await importFile(page, {
      name: 'complex.bpmn',
      mimeType: 'application/xml',
      buffer: Buffer.from(complex),
    });
    expect(await importState(page)).toBe('failed');
    expect(await alert.textContent()).toMatch(
      /elementen die de engine niet uitvoert: .*ComplexGateway.*Het vorige model blijft staan/i,
    );
    await expect.poll(() => element.count()).toBeGreaterThan(0);
    const kept = await download(page, 'Exporteren (.bpmn)');
    expect(kept.toString()).toContain('id="BezwaarBeoordelen"');
    expect(kept.toString()).not.toContain('complexGateway');

    // and the diagram as a picture, for a document or a presentation
    const png = await download(page, 'Exporteren (PNG)');
    expect(png.subarray(0, 8)).toEqual(
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    );
  });

  it('copies a published version to a concept, changes it, and compares the two', async () => {
    const page = await session.newPage();
    await logIn(page);
    // given a copy of the published Bezwaar with a longer term
    await page
      .getByRole('button', { name: 'Kopiëren naar nieuw concept (bezwaar versie 1)' })
      .click();
    await page.waitForURL(/\/beheer\/zaaktypen\/bezwaar\/versies\/2\/proces$/);
    await page.getByRole('link', { name: 'Gegevens' }).click();
    await page.getByLabel('Doorlooptijd (wettelijke termijn)').fill('P12W');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => page.getByText('Alles opgeslagen').isVisible()).toBe(true);

    // when she compares the versions
    await page.goto(`${server.url}/beheer`);
    await page.getByRole('link', { name: 'Versies vergelijken (bezwaar)' }).click();
    await page.waitForURL(/\/beheer\/zaaktypen\/bezwaar\/vergelijken$/);

    // then the changed term is listed, and both diagrams show with nothing changed in them
    const row = page.getByRole('row', { name: /Doorlooptijd/ });
    await row.waitFor();
    expect(await row.textContent()).toMatch(/P6W.*P12W/);
    await expect
      .poll(() => page.locator('.zs-diff__canvas .djs-container').count(), { timeout: 20_000 })
      .toBe(2);
    await expect
      .poll(() => page.getByRole('list', { name: 'Verschillen in het procesmodel' }).textContent())
      .toContain('Gewijzigd (0)');
    await page.screenshot({ path: join(screenshotDir, 'beheer-vergelijken.png'), fullPage: true });
    expect(await seriousAccessibilityViolations(page), 'Vergelijken').toEqual([]);
  });
});
