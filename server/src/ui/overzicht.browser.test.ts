import { readFile } from 'node:fs/promises';
import { type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../bench/engineProcess.js';
import { createZeebeClient } from '../engine/conformance/zeebeClient.js';
import { seriousAccessibilityViolations } from '../testing/accessibility.js';
import { apiSession } from '../bench/apiSession.js';
import { artifactPath } from '../testing/artifacts.js';
import { startBrowserSession, type BrowserSession } from '../testing/browserSession.js';

const bronorganisatie = '002220647';

/**
 * Overzicht in Chromium against the built server: meldingen started through the API show in the
 * KPIs, the charts and the heatmap; an incident made through the Zeebe API is retried from the
 * page and disappears. Axe checks the page; a screenshot goes to test-artifacts/.
 */
describe('Overzicht (built server and UI in Chromium)', () => {
  let session: BrowserSession;
  let gatewayPort: number;
  let page: Page;

  beforeAll(async () => {
    gatewayPort = await freePort();
    session = await startBrowserSession(
      'overzicht',
      { width: 1400, height: 1000 },
      { ZEEBE_GATEWAY_PORT: String(gatewayPort) },
    );
    page = await session.newPage();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('shows KPIs, charts and the heatmap of new meldingen, and retries an incident', async () => {
    const { url } = session.server;
    // given three new meldingen, each waiting at its first user task
    const api = await apiSession(url, 'coordinator');
    const zaken: { id: string; identificatie: string }[] = [];
    for (const nummer of [1, 2, 3]) {
      zaken.push(
        await api(
          '/api/zaken',
          {
            zaaktype: 'melding-openbare-ruimte',
            bronorganisatie,
            omschrijving: `Overzichttest ${nummer}`,
            initiator: { type: 'natuurlijk_persoon', bsn: '999993653', naam: 'Jan Jansen' },
          },
          { 'Idempotency-Key': `overzicht-browser-${nummer}` },
        ),
      );
    }
    const taskOf = async (zaakId: string) => {
      const page = await api<{ taken: { jobKey: string }[] }>(
        `/api/taken?scope=all&zaakId=${zaakId}`,
      );
      return page.taken[0];
    };
    await expect
      .poll(async () => (await Promise.all(zaken.map((z) => taskOf(z.id)))).every(Boolean), {
        timeout: 30_000,
      })
      .toBe(true);

    // and the first one's task job fails without retries: an incident (as a broken worker would cause)
    const zeebe = createZeebeClient(`127.0.0.1:${gatewayPort}`);
    try {
      const task = await taskOf(zaken[0]!.id);
      await zeebe.failJob({
        jobKey: task!.jobKey,
        retries: 0,
        errorMessage: 'Formulierdienst niet bereikbaar',
      });
    } finally {
      await zeebe.close();
    }

    // when the coordinator opens Overzicht for this zaaktype
    await page.goto(
      `${url}/inloggen?terug=${encodeURIComponent('/overzicht?zaaktype=melding-openbare-ruimte')}`,
    );
    await page.getByLabel('Gebruikersnaam').fill('coordinator');
    await page.getByLabel('Wachtwoord').fill('demo');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Overzicht' }).waitFor();

    // then the KPIs count the three open zaken and the incident
    const kpi = (label: string) =>
      page
        .locator('.zs-kpi')
        .filter({ has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) })
        .locator('.zs-kpi__value');
    await expect.poll(() => kpi('Open zaken').textContent(), { timeout: 20_000 }).toBe('3');
    await expect.poll(() => kpi('Open incidenten').textContent(), { timeout: 20_000 }).toBe('1');
    expect(await kpi('Gestart in periode').textContent()).toBe('3');
    // and the charts are drawn, with their figures as tables
    expect(await page.locator('.zs-chart__canvas svg').count()).toBe(5);
    // and the heatmap puts the three zaken on the first task
    const heat = page.locator('.zs-heat-badge[data-element-id="MeldingBeoordelen"]');
    await expect.poll(() => heat.textContent(), { timeout: 20_000 }).toBe('3 (1!)');
    await page.screenshot({ path: artifactPath('overzicht.png'), fullPage: true });
    expect(
      await seriousAccessibilityViolations(page),
      'overzicht: serious or critical axe violations',
    ).toEqual([]);

    // and every table exports as CSV: the incidents, and the figures behind each chart
    const incidentenCsv = await download(page, 'Incidenten exporteren (CSV)');
    expect(incidentenCsv).toContain('Zaak;Stap;Fouttype;Fout;Sinds');
    expect(incidentenCsv).toContain(`${zaken[0]!.identificatie};MeldingBeoordelen;`);
    expect(incidentenCsv).toContain('Formulierdienst niet bereikbaar');
    const charts = page.locator('.zs-chart__data');
    expect(await charts.count()).toBe(5);
    for (const chart of await charts.all()) {
      await chart.locator('summary').click();
      const caption = await chart.locator('caption').textContent();
      const csv = await download(page, `${caption} exporteren (CSV)`);
      const header = await chart.locator('thead th').allTextContents();
      expect(csv.split('\r\n')[0], caption!).toBe(`\uFEFF${header.join(';')}`);
      expect(csv.split('\r\n').length - 2, caption!).toBe(await chart.locator('tbody tr').count());
    }

    // when the coordinator retries the incident
    const row = page
      .getByRole('row')
      .filter({ hasText: zaken[0]!.identificatie })
      .filter({ hasText: 'Formulierdienst' });
    await row.getByRole('button', { name: /Opnieuw proberen/ }).click();

    // then it is gone from the list and the KPI
    await page.getByText(/wordt opnieuw geprobeerd/).waitFor();
    await expect.poll(() => row.count(), { timeout: 20_000 }).toBe(0);
    await expect.poll(() => kpi('Open incidenten').textContent(), { timeout: 20_000 }).toBe('0');
    await expect.poll(() => heat.textContent(), { timeout: 20_000 }).toBe('3');
  });

  it('keeps the filters in the URL', async () => {
    await page.goto(`${session.server.url}/overzicht?risicoDagen=10&zaaktype=bezwaar`);
    await expect
      .poll(() => page.getByLabel('In gevaar binnen (werkdagen)', { exact: false }).inputValue())
      .toBe('10');
    await page.locator('#filter-van').fill('2026-01-01');
    await page.getByRole('button', { name: 'Toepassen' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('van')).toBe('2026-01-01');
    expect(new URL(page.url()).searchParams.get('risicoDagen')).toBe('10');
  });
});

/** Clicks an export button and answers the text of the file the browser saved. */
async function download(page: Page, button: string): Promise<string> {
  const [saved] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button, exact: true }).click(),
  ]);
  return readFile(await saved.path(), 'utf8');
}
