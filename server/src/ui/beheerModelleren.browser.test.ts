import { type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAccessibilityViolations } from '../testing/accessibility.js';
import { artifactPath } from '../testing/artifacts.js';
import { startBrowserSession, type BrowserSession } from '../testing/browserSession.js';
import { untilVisible } from '../testing/untilVisible.js';
import { createTestDatabase, type TestDatabase } from '../testing/testDatabase.js';

/**
 * Issue #8, acceptance 1: a beheerder models a zaaktype from nothing with the mouse and the
 * keyboard (no XML import), sees the checks object until the task has a group and a resultaat is
 * set, publishes it; then a behandelaar of that group runs a zaak of it to its resultaat.
 */
describe('Beheer: model, check and publish a zaaktype, then run a zaak of it (Chromium)', () => {
  let session: BrowserSession;
  // With TEST_DATABASE_URL the server runs on a fresh PostgreSQL database instead of PGlite.
  let testDb: TestDatabase | undefined;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    testDb = process.env.TEST_DATABASE_URL
      ? await createTestDatabase({ migrate: false })
      : undefined;
    session = await startBrowserSession(
      'beheermodelleren',
      { width: 1600, height: 1000 },
      testDb?.url ? { DATABASE_URL: testDb.url } : {},
    );
  });
  afterAll(async () => {
    await session?.close();
    await testDb?.destroy();
  });

  const zaaktype = { identificatie: 'evenementmelding', omschrijving: 'Evenementmelding' };
  const formId = 'melding-beoordelen';
  const team = 'team-vergunningen'; // behandelaar (Bram Behandel) is in it; behandelaar2 is not

  async function logIn(page: Page, username: string, terug: string) {
    await page.goto(`${session.server.url}/inloggen?terug=${encodeURIComponent(terug)}`);
    await page.getByLabel('Gebruikersnaam').fill(username);
    await page.getByLabel('Wachtwoord').fill('demo');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.waitForURL((url) => url.pathname === terug);
  }

  const shot = (page: Page, name: string) =>
    page.screenshot({ path: artifactPath(`beheer-modelleren-${name}.png`), fullPage: true });

  async function save(page: Page) {
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await expect.poll(() => page.getByText('Alles opgeslagen').isVisible()).toBe(true);
  }

  // --- the diagram, driven through bpmn-js's own palette, context pad and popup menu -----------

  const shape = (page: Page, id: string) =>
    page.locator(`.djs-element.djs-shape[data-element-id="${id}"]`);
  async function selectedId(page: Page): Promise<string | undefined> {
    const selected = page.locator('.djs-element.djs-shape.selected');
    if ((await selected.count()) === 0) return undefined;
    return (await selected.first().getAttribute('data-element-id')) ?? undefined;
  }

  /** Clicks a shape on the canvas (unless selected: a click would deselect it), opening its context pad. */
  async function select(page: Page, id: string) {
    if ((await selectedId(page)) !== id) await shape(page, id).click();
    await expect.poll(() => selectedId(page)).toBe(id);
    await page.locator('.djs-context-pad.open').waitFor();
  }

  /** A context pad action of the selected shape, e.g. `append.append-task` or `replace`. */
  const padEntry = (page: Page, action: string) =>
    page.locator(`.djs-context-pad.open .entry[data-action="${action}"]`);

  /**
   * Appends a shape to the selected one with the context pad; a task is then named by typing, as
   * bpmn-js opens the label editor on it. Returns the new shape's id.
   */
  async function append(page: Page, action: string, name?: string): Promise<string> {
    const before = await selectedId(page);
    await padEntry(page, action).click();
    await expect.poll(() => selectedId(page)).not.toBe(before);
    const id = (await selectedId(page))!;
    if (name !== undefined) {
      const editor = page.locator('.djs-direct-editing-parent');
      await editor.waitFor();
      await page.keyboard.type(name);
      // Leaving the label editor with a click on the empty canvas keeps the text.
      await page
        .locator('.djs-container svg')
        .first()
        .click({ position: { x: 20, y: 500 } });
      await expect.poll(() => shape(page, id).textContent()).toContain(name.split(' ')[0]);
      await select(page, id);
    }
    return id;
  }

  /** Changes the selected task with the wrench: a BPMN type or one of our standard tasks. */
  async function replaceWith(page: Page, label: string) {
    await padEntry(page, 'replace').click();
    const menu = page.locator('.djs-popup');
    await menu.waitFor();
    await menu.locator('.entry', { hasText: label }).first().click();
    await menu.waitFor({ state: 'detached' });
  }

  /** A group of a properties panel (bpmn-js's or form-js's), opened when it is closed. */
  async function propertiesGroup(panel: Locator, name: string): Promise<Locator> {
    const group = panel.locator('.bio-properties-panel-group').filter({
      has: panel.page().locator('.bio-properties-panel-group-header-title', {
        hasText: new RegExp(`^${name}$`),
      }),
    });
    const header = group.locator('.bio-properties-panel-group-header');
    if (!(await header.getAttribute('class'))?.includes('open')) await header.click();
    return group;
  }

  /** A group of the properties panel of the selected diagram element. */
  const elementGroup = (page: Page, name: string) =>
    propertiesGroup(page.locator('.zs-proces__properties'), name);
  const lintPanel = (page: Page) => page.locator('.zs-lint-panel');
  const lintSummary = (page: Page) => lintPanel(page).locator('[role="status"]');

  it('models, checks and publishes the zaaktype as beheerder', async ({ onTestFailed }) => {
    const page = await session.newPage();
    onTestFailed(() => shot(page, 'fout'));
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await logIn(page, 'beheerder', '/beheer');
    await page.getByRole('button', { name: 'Nieuw zaaktype' }).waitFor();
    expect(await seriousAccessibilityViolations(page), 'zaaktype list').toEqual([]);

    // given a new zaaktype
    await page.getByRole('button', { name: 'Nieuw zaaktype' }).click();
    await page.getByLabel('Identificatie').fill(zaaktype.identificatie);
    await page.getByLabel('Omschrijving').fill(zaaktype.omschrijving);
    await page.getByRole('button', { name: 'Concept aanmaken' }).click();
    await page.waitForURL(/\/beheer\/zaaktypen\/evenementmelding\/versies\/1\/proces$/);
    await expect
      .poll(() => page.locator('.zs-proces').getAttribute('data-import-state'), { timeout: 20_000 })
      .toBe('ok');
    await save(page);

    // with a statustype "Beoordeeld" before the eindstatus, and a resultaattype "Toegestaan"
    await page.getByRole('link', { name: 'Gegevens' }).click();
    const statustypen = page.getByRole('group', { name: 'Statustypen' });
    await statustypen.getByRole('button', { name: 'Statustype toevoegen' }).click();
    const rows = statustypen.locator('.zs-list__row');
    await expect.poll(() => rows.count()).toBe(4);
    // the new concept has Ontvangen, In behandeling and Afgehandeld; Afgehandeld stays the eindstatus
    await rows.nth(2).getByLabel('Volgnummer').fill('4');
    await rows.nth(3).getByLabel('Volgnummer').fill('3');
    await rows.nth(3).getByLabel('Omschrijving').fill('Beoordeeld');
    await rows.nth(3).getByLabel('Statustekst (voor de burger)').fill('Uw melding is beoordeeld.');
    const resultaattypen = page.getByRole('group', { name: 'Resultaattypen' });
    await resultaattypen.getByRole('button', { name: 'Resultaattype toevoegen' }).click();
    await resultaattypen.getByLabel('Omschrijving').fill('Toegestaan');
    await save(page);
    await shot(page, 'gegevens');
    expect(await seriousAccessibilityViolations(page), 'Gegevens tab').toEqual([]);

    // and a form made in the form editor: a text field dragged from the palette, then named
    await page.getByRole('link', { name: 'Formulieren' }).click();
    await page.getByLabel('Nieuw formulier (id)').fill(formId);
    await page.getByRole('button', { name: 'Formulier toevoegen' }).click();
    const palette = page.locator('.fjs-palette-field[data-field-type="textfield"]');
    await palette.waitFor();
    const target = page.locator('.fjs-form-field-text').first();
    await target.waitFor();
    const from = (await palette.boundingBox())!;
    const to = (await target.boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2 + 20, from.y + from.height / 2, { steps: 5 });
    await page.mouse.move(to.x + to.width / 2, to.y + to.height + 10, { steps: 20 });
    await page.mouse.up();
    const textField = page.locator(
      '.fjs-editor-container .fjs-element[data-field-type="textfield"]',
    );
    await expect.poll(() => textField.count()).toBe(1);
    // a new field is selected; otherwise a click on its edge selects it (its input is disabled)
    if (!(await textField.getAttribute('class'))?.includes('fjs-editor-selected'))
      await textField.click({ position: { x: 6, y: 6 } });
    const general = await propertiesGroup(page.locator('.fjs-properties-panel'), 'General');
    await general.getByLabel('Field label').fill('Beoordeling');
    await general.getByLabel('Key', { exact: true }).fill('beoordeling');
    await expect.poll(() => textField.textContent()).toContain('Beoordeling');
    await save(page);
    await shot(page, 'formulier');
    expect(await seriousAccessibilityViolations(page), 'Formulieren tab').toEqual([]);

    // when she draws start → user task → "Zet status" → end on the canvas
    await page.getByRole('link', { name: 'Proces' }).click();
    await select(page, 'ZaakAfgehandeld');
    await padEntry(page, 'delete').click();
    await expect.poll(() => shape(page, 'ZaakAfgehandeld').count()).toBe(0);
    await select(page, 'ZaakOntvangen');
    const userTask = await append(page, 'append.append-task', 'Melding beoordelen');
    await replaceWith(page, 'User task');
    await select(page, userTask);
    const zetStatus = await append(page, 'append.append-task', 'Status beoordeeld');
    await replaceWith(page, 'Zet status');
    await select(page, zetStatus);
    const statusHeaders = await elementGroup(page, 'Custom properties');
    await statusHeaders.getByLabel('Statustype').selectOption('Beoordeeld');
    const end = await append(page, 'append.end-event');

    // then the checks list what is missing: the task's form and group, and the closing resultaat
    await expect
      .poll(() => lintSummary(page).textContent(), { timeout: 20_000 })
      .toMatch(/^3 fouten, \d+ waarschuwing/);
    const lint = await lintPanel(page).textContent();
    expect(lint).toContain('Taak zonder formulier');
    expect(lint).toContain('Taak zonder kandidaatgroep');
    expect(lint).toContain('Een pad naar dit einde zet geen resultaat');
    expect(lint).not.toContain('Het proces zet nergens een status');
    await shot(page, 'proces-met-fouten');

    // when she links the form and the group in the properties panel of the user task
    await lintPanel(page).getByRole('button', { name: 'Melding beoordelen' }).first().click();
    await expect.poll(() => selectedId(page)).toBe(userTask);
    const form = await elementGroup(page, 'Form');
    await form.getByLabel('Type').selectOption({ label: 'Camunda Form (linked)' });
    await form.getByLabel('Form ID').fill(formId);
    const assignment = await elementGroup(page, 'Assignment');
    await assignment.getByLabel('Candidate groups').fill(team);
    await expect
      .poll(() => lintPanel(page).textContent(), { timeout: 20_000 })
      .not.toContain('Taak zonder');

    // and closes the zaak with a resultaat: the end event makes way for "Zaak afsluiten"
    await select(page, end);
    await padEntry(page, 'delete').click();
    await select(page, zetStatus);
    const afsluiten = await append(page, 'append.append-task', 'Zaak afsluiten');
    await replaceWith(page, 'Zaak afsluiten');
    await select(page, afsluiten);
    const afsluitHeaders = await elementGroup(page, 'Custom properties');
    await afsluitHeaders.getByLabel('Resultaattype').selectOption('Toegestaan');
    await append(page, 'append.end-event');

    // then the checks find nothing any more
    await expect
      .poll(() => lintSummary(page).textContent(), { timeout: 20_000 })
      .toBe('Geen problemen gevonden.');
    await shot(page, 'proces-goed');
    expect(await seriousAccessibilityViolations(page), 'Proces tab').toEqual([]);
    await save(page);

    // and the version publishes
    await page.getByRole('link', { name: 'Publiceren' }).click();
    await expect
      .poll(() => page.locator('.zs-publish [role="status"]').textContent(), { timeout: 20_000 })
      .toMatch(/^Geen blokkerende problemen/);
    await page.getByRole('button', { name: 'Versie 1 publiceren' }).click();
    await expect
      .poll(
        () => page.getByRole('status').filter({ hasText: 'Versie 1 is gepubliceerd' }).count(),
        {
          timeout: 30_000,
        },
      )
      .toBe(1);

    // and the team of the task gets access to zaken of the zaaktype
    const toegang = page.getByRole('region', { name: 'Toegang van teams' });
    await toegang.getByText('Nog geen team heeft toegang.').waitFor();
    await toegang.getByLabel('Team').selectOption({ label: 'Team Vergunningen' });
    await toegang.getByRole('button', { name: 'Toegang geven' }).click();
    await expect
      .poll(() => toegang.getByRole('list', { name: 'Teams met toegang' }).textContent())
      .toContain('Team Vergunningen, tot en met zaakvertrouwelijk');
    await shot(page, 'gepubliceerd');
    expect(await seriousAccessibilityViolations(page), 'Publiceren tab').toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('runs a zaak of the new zaaktype as behandelaar of its team', async ({ onTestFailed }) => {
    const page = await session.newPage();
    onTestFailed(() => shot(page, 'fout'));
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await logIn(page, 'behandelaar', '/werk');

    // given a zaak of the new zaaktype
    await page.getByRole('link', { name: 'Zaak starten' }).click();
    await page.getByLabel('Zaaktype').selectOption({ label: zaaktype.omschrijving });
    await page.getByLabel('Omschrijving').fill('Buurtfeest Lindelaan 14 juni');
    await page.getByLabel('BSN', { exact: true }).fill('999993653');
    await page.getByRole('button', { name: 'Zaak starten' }).click();
    await page.getByText(/Zaak ZAAK-\d{4}-\d+ is gestart/).waitFor();
    const zaakUrl = page.url();
    const zaaknummer = (await page.getByRole('heading', { level: 1 }).textContent())!.match(
      /ZAAK-\d{4}-\d+/,
    )![0];

    // when the behandelaar claims its task in Groepstaken and completes the form
    await page.goto(`${session.server.url}/werk?lijst=groep`);
    const row = () =>
      page
        .getByRole('row')
        .filter({ hasText: zaaknummer })
        .filter({ hasText: 'Melding beoordelen' });
    await untilVisible(page, row, 'Melding beoordelen in Groepstaken');
    await row()
      .getByRole('button', { name: /Ken aan mij toe/ })
      .click();
    await page.getByText(/is aan u toegewezen/).waitFor();
    await row().getByRole('link', { name: 'Melding beoordelen' }).click();
    await page.getByRole('heading', { level: 1, name: /Melding beoordelen/ }).waitFor();
    await page.locator('.fjs-form').waitFor();
    await page.getByLabel('Beoordeling').fill('Geen bezwaar; het buurtfeest mag doorgaan.');
    await shot(page, 'taak');
    await page.getByRole('button', { name: 'Opslaan en afronden' }).click();
    await page.getByText('De taak is afgerond').waitFor();

    // then the workers set the status "Beoordeeld", and close the zaak with resultaat "Toegestaan"
    await page.goto(zaakUrl);
    const resultaat = () =>
      page.locator('.data-list__item', { hasText: 'Resultaat' }).filter({ hasText: 'Toegestaan' });
    await untilVisible(page, resultaat, 'the zaak closed with resultaat Toegestaan');
    const statusverloop = page.locator('section', {
      has: page.getByRole('heading', { name: 'Statusverloop' }),
    });
    expect(await statusverloop.getByRole('list').textContent()).toMatch(
      /Beoordeeld.*Afgehandeld.*Afgesloten: Toegestaan/,
    );
    await shot(page, 'zaak');
    expect(pageErrors).toEqual([]);
  });
});
