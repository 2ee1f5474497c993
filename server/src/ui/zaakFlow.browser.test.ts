import { type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAccessibilityViolations } from '../testing/accessibility.js';
import { artifactPath } from '../testing/artifacts.js';
import { apiSession } from '../bench/apiSession.js';
import { startBrowserSession, type BrowserSession } from '../testing/browserSession.js';
import { untilVisible } from '../testing/untilVisible.js';

/**
 * A behandelaar's day with one melding openbare ruimte, in Chromium against the built server:
 * start the zaak, find the first task in the group queue, claim it, get the form wrong and then
 * right, see the process move on in the diagram (a melding may not be suspended: no such action),
 * and close it with a resultaat by completing the last task. Werkvoorraad, task and zaak page are checked with axe
 * and kept as screenshots in test-artifacts/.
 */
describe('a zaak from start to resultaat (Chromium)', () => {
  let session: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    session = await startBrowserSession('zaakflow');
    page = await session.newPage();
  });
  afterAll(async () => {
    await session?.close();
  });

  async function expectAccessible(name: string) {
    await page.screenshot({ path: artifactPath(`${name}.png`), fullPage: true });
    expect(
      await seriousAccessibilityViolations(page),
      `${name}: serious or critical axe violations`,
    ).toEqual([]);
  }

  it('runs the whole melding as behandelaar2 of Team Openbare Ruimte', async () => {
    const { url } = session.server;
    await page.goto(`${url}/inloggen`);
    await page.getByLabel('Gebruikersnaam').fill('behandelaar2');
    await page.getByLabel('Wachtwoord').fill('demo');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Werkvoorraad' }).waitFor();
    await expectAccessible('werkvoorraad');

    // start a zaak: a wrong BSN is refused at the field, then the zaak starts
    await page.getByRole('link', { name: 'Zaak starten' }).click();
    await page.getByLabel('Zaaktype').selectOption('melding-openbare-ruimte');
    await page.getByLabel('Omschrijving').fill('Omgewaaide boom Stationsplein');
    await page.getByLabel('BSN', { exact: true }).fill('123456789');
    await page.getByRole('button', { name: 'Zaak starten' }).click();
    await page.getByText('Dit is geen geldig BSN').waitFor();
    await page.getByLabel('BSN', { exact: true }).fill('999993653');
    await page.getByLabel('E-mailadres').fill('melder@voorbeeld.nl');
    await page.getByLabel('Bestanden').setInputFiles({
      name: 'boom.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n% foto van de omgewaaide boom\n%%EOF\n'),
    });
    await page.getByRole('button', { name: 'Zaak starten' }).click();
    await page.getByText(/Zaak ZAAK-\d{4}-\d+ is gestart\. 1 bijlage\(n\) toegevoegd\./).waitFor();
    // the attachment is a document of the zaak, with a PDF preview link
    const documenten = page.locator('section', {
      has: page.getByRole('heading', { name: 'Documenten' }),
    });
    await documenten
      .getByRole('link', { name: 'Bekijken: boom.pdf (opent in een nieuw tabblad)' })
      .waitFor();
    // and the status timeline shows the first status once the worker has set it
    const ontvangen = () =>
      page
        .locator('section', { has: page.getByRole('heading', { name: 'Statusverloop' }) })
        .getByText('Ontvangen');
    await untilVisible(page, ontvangen, 'status Ontvangen in the Statusverloop');
    const zaakUrl = page.url();
    const zaaknummer = (await page.getByRole('heading', { level: 1 }).textContent())!.match(
      /ZAAK-\d{4}-\d+/,
    )![0];

    // the first task appears in the group queue; claim it and open it
    await page.goto(`${url}/werk?lijst=groep`);
    const row = () => page.getByRole('row').filter({ hasText: zaaknummer });
    await untilVisible(page, row, 'the first task in Groepstaken');
    await row()
      .getByRole('button', { name: /Ken aan mij toe/ })
      .click();
    await page.getByText(/is aan u toegewezen/).waitFor();
    await row().getByRole('link', { name: 'Melding beoordelen' }).click();
    await page.getByRole('heading', { level: 1, name: /Melding beoordelen/ }).waitFor();
    await page.locator('.fjs-form').waitFor();

    // completing without a category is refused with a Dutch message at the field
    await page.getByRole('button', { name: 'Opslaan en afronden' }).click();
    await page.getByText('De taak is niet afgerond').waitFor();
    await page.getByText('Dit veld is verplicht.').first().waitFor();
    await expectAccessible('taak');

    // then filled in right, the task completes
    await page.locator('.fjs-form-field-select .fjs-input-group').click();
    await page.locator('.fjs-dropdownlist-item', { hasText: 'Groen en bomen' }).click();
    await page.getByRole('button', { name: 'Opslaan en afronden' }).click();
    await page.getByText('De taak is afgerond').waitFor();

    // the zaak page shows the next step active in the diagram
    await page.goto(zaakUrl);
    const active = () => page.locator('[data-element-id="MeldingAfhandelen"].is-active');
    await untilVisible(page, active, 'Melding afhandelen highlighted as the current step');
    await expectAccessible('zaak');

    // a melding may not be suspended or extended (its zaaktype says so), so those actions are absent
    await page.getByRole('button', { name: 'Zaak afsluiten' }).waitFor();
    expect(await page.getByRole('button', { name: 'Zaak opschorten' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Zaak verlengen' }).count()).toBe(0);

    // the last task closes the zaak with its resultaat
    await page.goto(`${url}/werk?lijst=groep`);
    const last = () =>
      page
        .getByRole('row')
        .filter({ hasText: zaaknummer })
        .filter({ hasText: 'Melding afhandelen' });
    await untilVisible(page, last, 'Melding afhandelen in Groepstaken');
    await last()
      .getByRole('button', { name: /Ken aan mij toe/ })
      .click();
    await page.getByText(/is aan u toegewezen/).waitFor();
    await last().getByRole('link', { name: 'Melding afhandelen' }).click();
    await page.locator('.fjs-form').waitFor();
    await page.getByLabel('Opgelost', { exact: true }).check();
    await page
      .getByLabel('Terugmelding aan de melder')
      .fill('De boom is weggehaald. Dank voor uw melding.');
    await page.getByRole('button', { name: 'Opslaan en afronden' }).click();
    await page.getByText('De taak is afgerond').waitFor();

    await page.goto(zaakUrl);
    const resultaat = () =>
      page.locator('.data-list__item', { hasText: 'Resultaat' }).filter({ hasText: 'Opgelost' });
    await untilVisible(page, resultaat, 'the zaak closed with resultaat Opgelost');
  });

  it('suspends and resumes a Woo-verzoek from its zaak page, as the coordinator', async () => {
    const { url } = session.server;
    // given a Woo-verzoek (its zaaktype allows opschorten), started through the API
    const api = await apiSession(url, 'coordinator');
    const zaak = await api<{ id: string; identificatie: string }>(
      '/api/zaken',
      {
        zaaktype: 'woo-verzoek',
        bronorganisatie: '002220647',
        omschrijving: 'Verzoek om stukken over de Stationsweg',
        initiator: { type: 'natuurlijk_persoon', bsn: '999993653', naam: 'Jan Jansen' },
      },
      { 'Idempotency-Key': 'zaakflow-woo-opschorten' },
    );
    const coordinator = await session.newPage();
    await coordinator.goto(`${url}/inloggen?terug=${encodeURIComponent(`/zaken/${zaak.id}`)}`);
    await coordinator.getByLabel('Gebruikersnaam').fill('coordinator');
    await coordinator.getByLabel('Wachtwoord').fill('demo');
    await coordinator.getByRole('button', { name: 'Inloggen' }).click();
    await coordinator
      .getByRole('heading', { level: 1, name: new RegExp(zaak.identificatie) })
      .waitFor();

    // when she suspends it with a reason
    await coordinator.getByRole('button', { name: 'Zaak opschorten' }).click();
    await coordinator.getByLabel('Reden').fill('Wachten op zienswijze derde-belanghebbende');
    await coordinator.locator('form').getByRole('button', { name: 'Zaak opschorten' }).click();

    // then the zaak says it is suspended and why, and offers hervatten instead
    await coordinator
      .getByText(/Opgeschort sinds .*Wachten op zienswijze/)
      .first()
      .waitFor();
    await coordinator.getByRole('button', { name: 'Zaak hervatten' }).click();
    await coordinator.locator('form').getByRole('button', { name: 'Zaak hervatten' }).click();
    await coordinator.getByText('De zaak is hervat; de termijnen zijn opgeschoven.').waitFor();
    expect(await coordinator.getByRole('button', { name: 'Zaak opschorten' }).count()).toBe(0); // once per zaak
    await coordinator.close();
  });
});
