import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../bench/engineProcess.js';
import { methodSession } from '../bench/apiSession.js';
import { SEED_ZAAKTYPEN, seedOverzicht } from '../bench/seedOverzicht.js';
import { openDatabase } from '../db/database.js';
import { createZeebeClient } from '../engine/conformance/zeebeClient.js';
import {
  recountOverzicht,
  recountWaitingTasks,
  type RecountFilter,
} from '../modules/overzicht/testing/recounts.js';
import { seriousAccessibilityViolations } from '../testing/accessibility.js';
import { artifactPath } from '../testing/artifacts.js';
import { startBrowserSession, type BrowserSession } from '../testing/browserSession.js';

const START = '2031-01-05';
const ZAKEN = 60;
const DAYS = 182;

/**
 * Overzicht in Chromium against the built server, on a seeded half year: the seed script makes
 * 60 zaken of three zaaktypen through the real API and engine, moving the engine clock
 * (ENGINE_CLOCK_CONTROL). The page's KPIs, chart tables and heatmap badges are read as the user
 * sees them, an incident made through the Zeebe API is retried from the page and disappears, and
 * then the server is stopped and every figure read is recounted in plain SQL on its database
 * (modules/overzicht/testing/recounts.ts, shared with the seeded e2e test). Stopping first is what
 * makes that possible: the server's embedded PGlite admits one process only. The heatmap's badges
 * come from the engine's element statistics; they are checked against the open tasks in the
 * server's own task table. Axe checks the page; a screenshot goes to test-artifacts/.
 */
describe('Overzicht on seeded data (built server and UI in Chromium)', () => {
  let session: BrowserSession;
  let gatewayPort: number;
  let page: Page;

  beforeAll(async () => {
    gatewayPort = await freePort();
    session = await startBrowserSession(
      'overzicht',
      { width: 1400, height: 1000 },
      { ZEEBE_GATEWAY_PORT: String(gatewayPort), ENGINE_CLOCK_CONTROL: 'true' },
    );
    page = await session.newPage();
    // the seed takes most of the file's time: under a minute on an idle 2-CPU machine, over two when busy
    await seedOverzicht({
      url: session.server.url,
      zaken: ZAKEN,
      days: DAYS,
      start: START,
      concurrency: 8,
    });
  }, 240_000);
  afterAll(async () => {
    await session?.close();
  });

  it('keeps the filters in the URL', async () => {
    await signIn(page, session.server.url, '/overzicht?risicoDagen=10&zaaktype=bezwaar');
    await expect
      .poll(() => page.getByLabel('In gevaar binnen (werkdagen)', { exact: false }).inputValue())
      .toBe('10');
    await page.locator('#filter-van').fill('2026-01-01');
    await page.getByRole('button', { name: 'Toepassen' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('van')).toBe('2026-01-01');
    expect(new URL(page.url()).searchParams.get('risicoDagen')).toBe('10');
  });

  // Stops the server at its end to recount: keep it the file's last test.
  it('shows the seed in KPIs, charts and heatmap as SQL counts it, and retries an incident', async () => {
    const { url } = session.server;
    const coordinator = await methodSession(url, 'coordinator');
    // given the seeded half year, settled (workers may still be closing the last zaken)
    const filter = await settledFilter(coordinator);
    const period = `/overzicht?van=${START}&tot=${filter.vandaag}`;

    // when the coordinator opens Overzicht over the whole seed
    await page.goto(`${url}${period}`);
    await page.getByRole('heading', { level: 1, name: 'Overzicht' }).waitFor();
    await page.locator('.zs-kpi').first().waitFor();
    const shownKpis = await kpiTiles(page);
    const shownTables = await chartTables(page);
    await page.screenshot({ path: artifactPath('overzicht.png'), fullPage: true });
    expect(
      await seriousAccessibilityViolations(page),
      'overzicht: serious or critical axe violations',
    ).toEqual([]);
    // and every chart's figures export as CSV, as its table shows them
    for (const chart of await page.locator('.zs-chart__data').all()) {
      await chart.locator('summary').click();
      const caption = await chart.locator('caption').textContent();
      const csv = await download(page, `${caption} exporteren (CSV)`);
      const header = await chart.locator('thead th').allTextContents();
      expect(csv.split('\r\n')[0], caption!).toBe(`\uFEFF${header.join(';')}`);
      expect(csv.split('\r\n').length - 2, caption!).toBe(await chart.locator('tbody tr').count());
    }

    // and the heatmap of each seeded zaaktype
    const shownBadges = new Map<string, Map<string, string>>();
    for (const { identificatie } of SEED_ZAAKTYPEN) {
      await page.goto(`${url}${period}&zaaktype=${identificatie}`);
      shownBadges.set(identificatie, await heatBadges(page));
    }

    // when a seeded melding's task job fails without retries: an incident (a broken worker's doing)
    const melding = SEED_ZAAKTYPEN.find((z) => z.identificatie === 'melding-openbare-ruimte')!;
    const open = await coordinator<{
      taken: { jobKey: string; elementId: string; zaakId: string }[];
    }>('GET', '/api/taken?scope=all&limit=200');
    const task = open.taken.find((t) => melding.taken.some((m) => m.elementId === t.elementId));
    expect(task, 'a seeded melding waiting at a task').toBeDefined();
    const zaak = await coordinator<{ identificatie: string }>('GET', `/api/zaken/${task!.zaakId}`);
    const zeebe = createZeebeClient(`127.0.0.1:${gatewayPort}`);
    try {
      await zeebe.failJob({
        jobKey: task!.jobKey,
        retries: 0,
        errorMessage: 'Formulierdienst niet bereikbaar',
      });
    } finally {
      await zeebe.close();
    }
    await page.goto(`${url}${period}&zaaktype=${melding.identificatie}`);
    const kpi = (label: string) =>
      page
        .locator('.zs-kpi')
        .filter({ has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) })
        .locator('.zs-kpi__value');
    const waiting = shownBadges.get(melding.identificatie)!.get(task!.elementId);
    const heat = page.locator(`.zs-heat-badge[data-element-id="${task!.elementId}"]`);
    // then the KPI, the incident list and the heatmap show it
    await expect.poll(() => kpi('Open incidenten').textContent(), { timeout: 20_000 }).toBe('1');
    await expect.poll(() => heat.textContent(), { timeout: 20_000 }).toBe(`${waiting} (1!)`);
    const incidentenCsv = await download(page, 'Incidenten exporteren (CSV)');
    expect(incidentenCsv).toContain('Zaak;Stap;Fouttype;Fout;Sinds');
    expect(incidentenCsv).toContain(`${zaak.identificatie};${task!.elementId};`);

    // when the coordinator retries it
    const row = page
      .getByRole('row')
      .filter({ hasText: zaak.identificatie })
      .filter({ hasText: 'Formulierdienst' });
    await row.getByRole('button', { name: /Opnieuw proberen/ }).click();
    // then it is gone from the list, the KPI and the heatmap
    await page.getByText(/wordt opnieuw geprobeerd/).waitFor();
    await expect.poll(() => row.count(), { timeout: 20_000 }).toBe(0);
    await expect.poll(() => kpi('Open incidenten').textContent(), { timeout: 20_000 }).toBe('0');
    await expect.poll(() => heat.textContent(), { timeout: 20_000 }).toBe(waiting);

    // and, the server stopped, SQL on its database counts what the page showed
    session.server.child.kill('SIGTERM');
    await session.server.exited;
    const db = openDatabase({ dataDir: join(session.workDir, 'data') });
    try {
      const expected = await recountOverzicht(db, { van: START, tot: filter.vandaag }, filter);
      expect(expected.kpis.gestart, 'the period covers the whole seed').toBe(ZAKEN);
      expect(shownKpis).toEqual(kpiTexts(expected.kpis));
      expect(shownTables.get('Zaken per week')).toEqual(
        expected.reeksen.instroomUitstroom.map((w) => [
          weekLabel(w.week),
          String(w.gestart),
          String(w.afgesloten),
        ]),
      );
      expect(shownTables.get('Afgesloten zaken per doorlooptijd')?.map((r) => r[1])).toEqual(
        expected.reeksen.doorlooptijdVerdeling.map((b) => String(b.aantal)),
      );
      const labelled = (rows: { label: string; aantal: number }[]) =>
        rows.map((r) => [r.label, String(r.aantal)]);
      expect(shownTables.get('Onderhanden werk per team')).toEqual(
        labelled(expected.reeksen.werkPerTeam.map((t) => ({ label: t.groep, aantal: t.aantal }))),
      );
      expect(shownTables.get('Onderhanden werk per behandelaar')).toEqual(
        labelled(
          expected.reeksen.werkPerBehandelaar.map((b) => ({
            label: b.behandelaar ?? 'Niet toegewezen',
            aantal: b.aantal,
          })),
        ),
      );
      expect(shownTables.get('Open zaken per status')).toEqual(
        labelled(
          expected.reeksen.perStatus.map((s) => ({
            label: s.status ?? 'Nog geen status',
            aantal: s.aantal,
          })),
        ),
      );
      for (const profile of SEED_ZAAKTYPEN) {
        const waitingTasks = await recountWaitingTasks(db, profile.identificatie);
        const userTasks = new Set([
          ...waitingTasks.keys(),
          ...profile.taken.map((t) => t.elementId),
        ]);
        const badges = shownBadges.get(profile.identificatie)!;
        const shown = [...userTasks].map((id) => [id, badges.get(id) ?? '0']);
        const counted = [...userTasks].map((id) => [id, String(waitingTasks.get(id) ?? 0)]);
        expect(shown, profile.identificatie).toEqual(counted);
        expect(
          [...waitingTasks.values()].some((n) => n > 0),
          profile.identificatie,
        ).toBe(true);
      }
    } finally {
      await db.destroy();
    }
  });
});

async function signIn(page: Page, url: string, target: string): Promise<void> {
  await page.goto(`${url}/inloggen?terug=${encodeURIComponent(target)}`);
  await page.getByLabel('Gebruikersnaam').fill('coordinator');
  await page.getByLabel('Wachtwoord').fill('demo');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.getByRole('heading', { level: 1, name: 'Overzicht' }).waitFor();
}

/** The dashboard's filter once its answer stays the same for three seconds in a row. */
async function settledFilter(
  call: Awaited<ReturnType<typeof methodSession>>,
): Promise<RecountFilter> {
  let last = '';
  for (let unchanged = 0, tries = 0; unchanged < 3; tries++) {
    if (tries > 60) throw new Error('the dashboard kept changing for a minute after the seed');
    const answer = JSON.stringify(await call('GET', `/api/overzicht?van=${START}`));
    unchanged = answer === last ? unchanged + 1 : 0;
    last = answer;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  return (JSON.parse(last) as { filter: RecountFilter }).filter;
}

/** The KPI tiles as shown: label → value. */
async function kpiTiles(page: Page): Promise<Record<string, string>> {
  const labels = await page.locator('.zs-kpi dt').allTextContents();
  const values = await page.locator('.zs-kpi .zs-kpi__value').allTextContents();
  return Object.fromEntries(labels.map((label, index) => [label, values[index]]));
}

/** What the KPI tiles should show for the recounted figures (nl-NL numbers, as the page writes them). */
function kpiTexts(kpis: Awaited<ReturnType<typeof recountOverzicht>>['kpis']) {
  const number = (value: number | null, unit = '') =>
    value === null ? '–' : `${value.toLocaleString('nl-NL')}${unit}`;
  return {
    'Open zaken': number(kpis.openZaken),
    'Gestart in periode': number(kpis.gestart),
    'Afgesloten in periode': number(kpis.afgesloten),
    'Binnen servicenorm': number(kpis.binnenServicenormPct, '%'),
    'Binnen wettelijke termijn': number(kpis.binnenWettelijkeTermijnPct, '%'),
    'Te laat': number(kpis.teLaat),
    'In gevaar': number(kpis.inGevaar),
    Doorlooptijd: `${number(kpis.doorlooptijd.gemiddeldDagen)} d`,
    Opschortingen: number(kpis.opschortingen),
    Verlengingen: number(kpis.verlengingen),
    'Open incidenten': number(kpis.openIncidenten),
  };
}

/** Each chart's data table as shown: caption → rows of cell texts. */
async function chartTables(page: Page): Promise<Map<string, string[][]>> {
  const tables = new Map<string, string[][]>();
  for (const table of await page.locator('.zs-chart__data table').all()) {
    const rows: string[][] = [];
    for (const row of await table.locator('tbody tr').all())
      rows.push(await row.locator('td').allTextContents());
    tables.set((await table.locator('caption').textContent()) ?? '', rows);
  }
  return tables;
}

/** The heatmap's badges once drawn: element id → text. */
async function heatBadges(page: Page): Promise<Map<string, string>> {
  const badges = page.locator('.zs-heat-badge');
  await expect.poll(() => badges.count(), { timeout: 20_000 }).toBeGreaterThan(0);
  const shown = new Map<string, string>();
  for (const badge of await badges.all())
    shown.set(
      (await badge.getAttribute('data-element-id')) ?? '',
      (await badge.textContent()) ?? '',
    );
  return shown;
}

/** The week's Monday as the chart table labels it ("6 jan."). */
function weekLabel(monday: string): string {
  return new Date(`${monday}T12:00:00Z`).toLocaleDateString('nl-NL', {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  });
}

/** Clicks an export button and answers the text of the file the browser saved. */
async function download(page: Page, button: string): Promise<string> {
  const [saved] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button, exact: true }).click(),
  ]);
  return readFile(await saved.path(), 'utf8');
}
