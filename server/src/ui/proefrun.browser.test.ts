import { readFile } from 'node:fs/promises';
import { type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSession } from '../bench/apiSession.js';
import { loadZaaktypeFromJson } from '../modules/catalogus/index.js';
import { MODEL_FORM_KEY } from '../platform/modelDeployment.js';
import { seriousAccessibilityViolations } from '../testing/accessibility.js';
import { artifactPath } from '../testing/artifacts.js';
import { startBrowserSession, type BrowserSession } from '../testing/browserSession.js';
import { untilVisible } from '../testing/untilVisible.js';
import { createTestDatabase, type TestDatabase } from '../testing/testDatabase.js';

const processes = new URL('../../../processes/melding-openbare-ruimte/', import.meta.url);

/** The MOR forms by id, as the Beheer editor keeps them beside the model. */
async function userTaskForms(): Promise<Record<string, unknown>> {
  const forms: Record<string, unknown> = {};
  for (const id of ['mor-melding-beoordelen', 'mor-melding-afhandelen'])
    forms[id] = JSON.parse(await readFile(new URL(`forms/${id}.form`, processes), 'utf8'));
  return forms;
}

/**
 * Issue #8, the test run: a beheerder clicks "Proefrun starten" on a concept, lands on the
 * proefrun zaak (with its banner) and completes its first task, without any zaaktype authorisation.
 */
describe('Beheer: a proefrun of a concept (Chromium)', () => {
  let session: BrowserSession;
  let testDb: TestDatabase | undefined;
  let page: Page;

  beforeAll(async () => {
    testDb = process.env.TEST_DATABASE_URL
      ? await createTestDatabase({ migrate: false })
      : undefined;
    session = await startBrowserSession(
      'proefrun',
      { width: 1400, height: 1000 },
      testDb?.url ? { DATABASE_URL: testDb.url } : {},
    );
    page = await session.newPage();
  });
  afterAll(async () => {
    await session?.close();
    await testDb?.destroy();
  });

  it('starts a proefrun from Publiceren, shows its banner and lets the beheerder complete its task', async () => {
    // given a concept whose model was saved in Beheer (the MOR process under another identificatie)
    const { url } = session.server;
    const beheerder = await apiSession(url, 'beheerder');
    const zaaktype = loadZaaktypeFromJson(
      await readFile(new URL('zaaktype.json', processes), 'utf8'),
      'zaaktype.json',
    );
    const xml = await readFile(new URL('process.bpmn', processes), 'utf8');
    await beheerder('/api/catalogus/zaaktypen', {
      ...zaaktype,
      identificatie: 'mor-proef',
      omschrijving: 'Melding openbare ruimte (proef)',
      bpmnProcessId: null,
      processVersion: null,
      processDefinitionKey: null,
      forms: { ...(await userTaskForms()), [MODEL_FORM_KEY]: { xml } },
    });

    // when the beheerder clicks "Proefrun starten" on the Publiceren tab
    const publiceren = '/beheer/zaaktypen/mor-proef/versies/1/publiceren';
    await page.goto(`${url}/inloggen?terug=${encodeURIComponent(publiceren)}`);
    await page.getByLabel('Gebruikersnaam').fill('beheerder');
    await page.getByLabel('Wachtwoord').fill('demo');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.waitForURL((current) => current.pathname === publiceren);
    await page.getByRole('button', { name: 'Proefrun starten' }).click();

    // then they land on the proefrun zaak, marked as such
    await page.waitForURL((current) => current.pathname.startsWith('/zaken/'));
    await page.getByRole('heading', { level: 1, name: /PROEF-mor-proef-\d+/ }).waitFor();
    await page.getByText('Proefrun — telt niet mee in registers en cijfers').waitFor();
    const zaakUrl = page.url();

    // when they open its first task (on their name) and complete the form
    const taak = () => page.getByRole('link', { name: 'Melding beoordelen' });
    await untilVisible(page, taak, 'the proefrun task on the zaak page');
    await page.screenshot({ path: artifactPath('proefrun-zaak.png'), fullPage: true });
    expect(await seriousAccessibilityViolations(page), 'proefrun zaak page').toEqual([]);
    await taak().click();
    await page.getByRole('heading', { level: 1, name: /Melding beoordelen/ }).waitFor();
    await page.locator('.fjs-form').waitFor();
    await page.locator('.fjs-form-field-select .fjs-input-group').click();
    await page.locator('.fjs-dropdownlist-item', { hasText: 'Groen en bomen' }).click();
    await page.getByRole('button', { name: 'Opslaan en afronden' }).click();
    await page.getByText('De taak is afgerond').waitFor();

    // then the sandbox process goes on: its next step is active on the proefrun zaak
    await page.goto(zaakUrl);
    const active = () => page.locator('[data-element-id="MeldingAfhandelen"].is-active');
    await untilVisible(page, active, 'Melding afhandelen highlighted as the current step');
    await page.screenshot({ path: artifactPath('proefrun-verder.png'), fullPage: true });
  });
});
