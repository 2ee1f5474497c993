import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../config.js';
import { createLogger } from '../logging.js';
import { startServer, type RunningServer } from '../server.js';
import { artifactPath } from '../testing/artifacts.js';
import { launchChromium } from '../testing/browserSession.js';

const OPEN_TASKS = 10_000;

/**
 * The werkvoorraad with 10,000 open group tasks: the server pages, sorts and counts, so the
 * browser gets one page. The time from navigation to the first row is written to
 * test-artifacts/werkvoorraad-10000.json for the record; speed is judged from that figure,
 * not asserted here.
 */
describe('werkvoorraad with 10,000 open tasks (Chromium)', () => {
  let server: RunningServer;
  let browser: Browser;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'zs-werkvoorraad-'));
    const settings = {
      PORT: '0',
      HOST: '127.0.0.1',
      ZEEBE_GATEWAY_PORT: '0',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      WORKERS_IN_PROCESS: 'false',
    };
    server = await startServer(readConfig(settings), createLogger('silent'));
    // The tasks go straight into the table: what is measured is the list, not the engine.
    const now = Date.now();
    const rows = Array.from({ length: OPEN_TASKS }, (_, index) => ({
      id: randomUUID(),
      job_key: String(9_000_000_000 + index),
      name: `Melding beoordelen ${index}`,
      element_id: 'MeldingBeoordelen',
      bpmn_process_id: 'melding-openbare-ruimte',
      process_instance_key: String(8_000_000_000 + index),
      element_instance_key: String(7_000_000_000 + index),
      state: 'open',
      candidate_groups: ['team-openbare-ruimte'],
      due_date: new Date(now + index * 60_000),
    }));
    for (let start = 0; start < rows.length; start += 1000) {
      await server.db('taken').insert(rows.slice(start, start + 1000));
    }
    browser = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('shows the first page of Groepstaken with the total, sorted by deadline', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${server.url}/inloggen`);
    await page.getByLabel('Gebruikersnaam').fill('behandelaar2');
    await page.getByLabel('Wachtwoord').fill('demo');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Werkvoorraad' }).waitFor();

    const timings: number[] = [];
    for (let run = 0; run < 5; run += 1) {
      const started = Date.now();
      await page.goto(`${server.url}/werk?lijst=groep&pageSize=25`);
      await page.getByRole('row').nth(1).waitFor();
      timings.push(Date.now() - started);
    }
    expect(await page.getByRole('row').count()).toBe(26); // header + one page
    await page.getByText(`van ${OPEN_TASKS}`).waitFor();
    const first = await page.getByRole('row').nth(1).textContent();
    expect(first).toContain('Melding beoordelen 0'); // the earliest deadline first

    const sorted = [...timings].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    await writeFile(
      artifactPath('werkvoorraad-10000.json'),
      JSON.stringify({ openTasks: OPEN_TASKS, firstRowMs: timings, medianMs: median }, null, 2),
    );
    console.log(
      `werkvoorraad with ${OPEN_TASKS} open tasks: first page in ${median} ms (median of ${timings.length}: ${timings.join(', ')})`,
    );
    await page.close();
  });
});
