import { type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousAccessibilityViolations } from '../testing/accessibility.js';
import { apiSession } from '../bench/apiSession.js';
import { artifactPath } from '../testing/artifacts.js';
import { startBrowserSession, type BrowserSession } from '../testing/browserSession.js';

interface Zaak {
  id: string;
  identificatie: string;
  uiterlijkeEinddatumAfdoening: string;
  opschorting: { indicatie: boolean };
}
interface Mail {
  recipients: string[];
  subject: string;
  text: string;
}
interface Taak {
  id: string;
  name: string;
  zaakId: string | null;
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');

/**
 * Acceptance 1 and 3 of "Transparency for the citizen", in Chromium on a phone-sized screen
 * (390 px) against the built server: an omgevingsvergunning is found incomplete, the process asks
 * the citizen through burger.informatie-opvragen, a week later the citizen uploads the missing
 * file on their status page, the process continues with the next task and the deadline has moved
 * by the seven suspended days. Axe checks the status page before and after the upload.
 */
describe('the citizen answers an information request on their status page (Chromium, 390 px)', () => {
  let session: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    session = await startBrowserSession('burger', { width: 390, height: 844 }, { ENGINE_CLOCK_CONTROL: 'true' });
    // The status page forbids every script (CSP); axe is injected by the test, so the test context bypasses it.
    page = await session.browser.newPage({ viewport: { width: 390, height: 844 }, bypassCSP: true });
  });
  afterAll(async () => {
    await session?.close();
  });

  async function expectAccessible(name: string) {
    await page.screenshot({ path: artifactPath(`${name}.png`), fullPage: true });
    expect(await seriousAccessibilityViolations(page), `${name}: serious or critical axe violations`).toEqual([]);
  }

  async function eventually<T>(probe: () => Promise<T | undefined>, what: string): Promise<T> {
    let found: T | undefined;
    await expect.poll(async () => (found = await probe()) !== undefined, { timeout: 30_000, message: what }).toBe(true);
    return found!;
  }

  it('shows the request, takes the upload, and the process and its deadline move on', async () => {
    const { url } = session.server;
    const behandelaar = await apiSession(url, 'behandelaar');
    const coordinator = await apiSession(url, 'coordinator');
    const mailsTo = async (address: string) => (await coordinator<{ items: Mail[] }>('/api/mail-outbox')).items.filter((mail) => mail.recipients.includes(address));
    const tokenIn = (mail: Mail) => /\/status\/([A-Za-z0-9_-]{43})/.exec(mail.text)![1]!;

    // given an omgevingsvergunning of an applicant with an e-mail address, found incomplete
    const zaak = await behandelaar<Zaak>(
      '/api/zaken',
      { zaaktype: 'omgevingsvergunning', omschrijving: 'Dakkapel Dorpsstraat 1', initiator: { type: 'natuurlijk_persoon', bsn: '999993653', naam: 'J. Jansen', email: 'aanvrager@voorbeeld.nl' } },
      { 'Idempotency-Key': crypto.randomUUID() },
    );
    const openTaak = (name: string) => async () =>
      (await behandelaar<{ taken: Taak[] }>(`/api/taken?scope=group&zaakId=${zaak.id}`)).taken.find((taak) => taak.name === name);
    const toetsen = await eventually(openTaak('Aanvraag op volledigheid toetsen'), 'the first task');
    await behandelaar(`/api/taken/${toetsen.id}/claim`, {});
    await behandelaar(`/api/taken/${toetsen.id}/complete`, { variables: { volledig: false, ontbrekendeGegevens: 'Een constructieberekening van de dakkapel' } });

    // then the process asks the citizen: the zaak stands still and a mail with the request goes out
    const requestMail = await eventually(async () => (await mailsTo('aanvrager@voorbeeld.nl')).find((mail) => mail.subject.includes('meer gegevens')), 'the request mail');
    expect(requestMail.text).toContain('Een constructieberekening van de dakkapel');
    // and on the zaak page, staff see that the citizen has a link and what was asked of them
    const staff = await session.browser.newPage({ viewport: { width: 1400, height: 900 } });
    await staff.goto(`${url}/inloggen`);
    await staff.getByLabel('Gebruikersnaam').fill('coordinator');
    await staff.getByLabel('Wachtwoord').fill('demo');
    await staff.getByRole('button', { name: 'Inloggen' }).click();
    await staff.getByRole('heading', { level: 1, name: 'Werkvoorraad' }).waitFor();
    await staff.goto(`${url}/zaken/${zaak.id}`);
    const aanvrager = staff.getByRole('region', { name: 'Aanvrager' });
    await aanvrager.getByText(/heeft een link naar de statuspagina/).waitFor();
    await aanvrager.getByText(/Een constructieberekening van de dakkapel/).waitFor();
    await aanvrager.getByRole('button', { name: 'Link intrekken' }).waitFor();
    await staff.screenshot({ path: artifactPath('burger-zaakpagina.png'), fullPage: true });
    await staff.close();
    const suspended = await eventually(async () => {
      const current = await behandelaar<Zaak>(`/api/zaken/${zaak.id}`);
      return current.opschorting.indicatie ? current : undefined;
    }, 'the zaak suspended');

    // when a week passes and the citizen opens their page on a phone
    await coordinator('/v2/clock/add', { duration: 'P7D' });
    await page.goto(`${url}/status/${tokenIn(requestMail)}`);
    await page.getByRole('heading', { level: 1, name: /Uw aanvraag/ }).waitFor();
    await page.getByText('Een constructieberekening van de dakkapel').waitFor();
    await page.getByText('Wij hebben uw aanvraag ontvangen.').waitFor();
    await expectAccessible('burger-statuspagina-verzoek');

    // and uploads the file
    await page.getByLabel('Kies een bestand').setInputFiles({ name: 'constructieberekening.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByRole('button', { name: 'Bestand versturen' }).click();

    // then the page confirms, and asks nothing more
    await page.getByText('Dank u wel. Wij hebben uw bestand ontvangen.').waitFor();
    expect(await page.getByRole('button', { name: 'Bestand versturen' }).count()).toBe(0);
    await page.getByText(/De termijn is 7 dagen opgeschoven/).waitFor();
    await expectAccessible('burger-statuspagina-ontvangen');

    // and the process continues: the next task appears for the behandelaar
    await eventually(openTaak('Aanvraag inhoudelijk beoordelen'), 'the next task after the message');
    // and the deadline moved by the seven suspended days
    const resumed = await behandelaar<Zaak>(`/api/zaken/${zaak.id}`);
    expect(resumed.opschorting.indicatie).toBe(false);
    const plusSeven = new Date(Date.parse(suspended.uiterlijkeEinddatumAfdoening) + 7 * 86_400_000).toISOString().slice(0, 10);
    expect(resumed.uiterlijkeEinddatumAfdoening).toBe(plusSeven);
    // and the file is a document of the zaak
    const { documenten } = await behandelaar<{ documenten: { bestandsnaam: string }[] }>(`/api/zaken/${zaak.id}/documenten`);
    expect(documenten.map((document) => document.bestandsnaam)).toEqual(['constructieberekening.pdf']);
  });
});
