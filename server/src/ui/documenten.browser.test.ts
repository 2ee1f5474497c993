import { type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAccessibilityViolations } from '../testing/accessibility.js';
import { apiSession } from '../bench/apiSession.js';
import { artifactPath } from '../testing/artifacts.js';
import { startBrowserSession, type BrowserSession } from '../testing/browserSession.js';

/** A PDF small enough for the limit; the server judges it by its first bytes. */
const pdf = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
  'latin1',
);

/**
 * The Documenten section of the zaak page in Chromium against the built server, with
 * MAX_UPLOAD_MB=0.05: a behandelaar uploads a PDF, is stopped before sending a file that is too
 * large, sees the server refuse a file that is not what it says, downloads and deletes with a
 * reason. The page is checked with axe.
 */
describe('documenten, eigenschappen and notities on the zaak page (Chromium)', () => {
  let session: BrowserSession;
  let page: Page;
  let zaakId: string;

  beforeAll(async () => {
    session = await startBrowserSession(
      'documenten',
      { width: 1400, height: 900 },
      { MAX_UPLOAD_MB: '0.05' },
    );
    const api = await apiSession(session.server.url, 'behandelaar');
    const created = await api<{ id: string }>(
      '/api/zaken',
      {
        zaaktype: 'omgevingsvergunning',
        omschrijving: 'Dakkapel Dorpsstraat 1',
        initiator: { type: 'natuurlijk_persoon', bsn: '999993653', naam: 'J. Jansen' },
      },
      { 'Idempotency-Key': crypto.randomUUID() },
    );
    zaakId = created.id;
    page = await session.newPage();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('uploads, refuses what is too large or not what it says, downloads and deletes with a reason', async () => {
    const { url } = session.server;
    await page.goto(`${url}/inloggen`);
    await page.getByLabel('Gebruikersnaam').fill('behandelaar');
    await page.getByLabel('Wachtwoord').fill('demo');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Werkvoorraad' }).waitFor();
    await page.goto(`${url}/zaken/${zaakId}`);
    const section = page.getByRole('region', { name: 'Documenten' });
    await section.getByText('Nog geen documenten.').waitFor();

    // a file above the limit is refused before it is sent
    await section.getByLabel('Bestand').setInputFiles({
      name: 'groot.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.alloc(60 * 1024, 'a'),
    });
    await section.getByRole('button', { name: 'Document toevoegen' }).click();
    const tooLarge = section.getByRole('alert').filter({ hasText: 'maximaal 0.05 MB' });
    await tooLarge.waitFor();
    expect(await tooLarge.textContent()).toContain('Het bestand is 60 kB');

    // a text file that calls itself a PDF is refused by the server, which says why
    await section.getByLabel('Bestand').setInputFiles({
      name: 'brief.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('Geen PDF maar tekst.\n'),
    });
    await section.getByLabel('Titel').fill('Brief');
    await section.getByLabel('Documenttype').selectOption('Aanvraagformulier');
    await section.getByRole('button', { name: 'Document toevoegen' }).click();
    const refused = section
      .getByRole('alert')
      .filter({ hasText: 'Het document is niet toegevoegd' });
    await refused.waitFor();
    expect(await refused.textContent()).toContain(
      'past niet bij het opgegeven type (application/pdf)',
    );

    // a real PDF is added and listed
    await section
      .getByLabel('Bestand')
      .setInputFiles({ name: 'aanvraag.pdf', mimeType: 'application/pdf', buffer: pdf });
    await section.getByLabel('Titel').fill('Aanvraagformulier dakkapel');
    await section.getByLabel('Documenttype').selectOption('Aanvraagformulier');
    await section.getByRole('button', { name: 'Document toevoegen' }).click();
    await section.getByText('Document "Aanvraagformulier dakkapel" is toegevoegd.').waitFor();
    const row = section.getByRole('row', { name: /Aanvraagformulier dakkapel/ });
    expect(await row.textContent()).toContain('Bram Behandel');
    await page.screenshot({ path: artifactPath('documenten.png'), fullPage: true });
    expect(
      await seriousAccessibilityViolations(page),
      'serious or critical axe violations',
    ).toEqual([]);

    // the link downloads the PDF, shown inline
    const href = await row
      .getByRole('link', { name: 'Aanvraagformulier dakkapel', exact: true })
      .getAttribute('href');
    const download = await page.evaluate(async (path) => {
      const response = await fetch(path!);
      return {
        status: response.status,
        type: response.headers.get('content-type'),
        disposition: response.headers.get('content-disposition'),
      };
    }, href);
    expect(download).toMatchObject({
      status: 200,
      type: 'application/pdf',
      disposition: expect.stringMatching(/^inline/) as string,
    });

    // deleting asks for a reason, then removes the row
    await row.getByRole('button', { name: 'Verwijderen Aanvraagformulier dakkapel' }).click();
    await section.getByRole('button', { name: 'Definitief verwijderen' }).click();
    await section.getByText('Geef een reden; die wordt bewaard in de historie.').waitFor();
    await section
      .getByLabel('Reden voor verwijderen van Aanvraagformulier dakkapel')
      .fill('Verkeerd bestand');
    await section.getByRole('button', { name: 'Definitief verwijderen' }).click();
    await section.getByText('Document "Aanvraagformulier dakkapel" is verwijderd.').waitFor();
    await section.getByText('Nog geen documenten.').waitFor();
  });

  it('sets an eigenschap of the zaaktype, refusing a waarde that does not fit', async () => {
    // given the zaak page of an omgevingsvergunning (eigenschap "bouwkosten", a getal)
    const section = page.getByRole('region', { name: 'Eigenschappen' });
    await section.getByText('Niet ingevuld').waitFor();
    // when the behandelaar types words, the server refuses and says what it expects
    await section.getByLabel('Waarde').fill('ongeveer twintigduizend');
    await section.getByRole('button', { name: 'Eigenschap opslaan' }).click();
    const refused = section.getByRole('alert').filter({ hasText: 'niet opgeslagen' });
    await refused.waitFor();
    expect(await refused.textContent()).toContain('expected a number such as 1250');
    // and with an amount it is stored and shown
    await section.getByLabel('Waarde').fill('20000,50');
    await section.getByRole('button', { name: 'Eigenschap opslaan' }).click();
    await section.getByText('bouwkosten is opgeslagen.').waitFor();
    await section.locator('.data-list__item', { hasText: '20000.50' }).waitFor();
  });

  it('adds a notitie, after asking for text when there is none', async () => {
    const section = page.getByRole('region', { name: 'Notities' });
    await section.getByRole('button', { name: 'Notitie toevoegen' }).click();
    await section.getByText('Schrijf eerst een notitie.').waitFor();
    await section.getByLabel('Nieuwe notitie').fill('Welstand gebeld, advies volgt');
    await section.getByRole('button', { name: 'Notitie toevoegen' }).click();
    await section.getByText('De notitie is toegevoegd.').waitFor();
    await section.getByText('Welstand gebeld, advies volgt').waitFor();
    expect(await section.getByLabel('Nieuwe notitie').inputValue()).toBe('');
  });
});
