import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from './testing/serverProcess.js';

/** Debian's Chromium (`apt-get install chromium`); Playwright's own browser downloads are not used. */
const chromiumPath = '/usr/bin/chromium';
// Without the networking flags Chromium keeps dialling out, which a closed network refuses.
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

describe('UI smoke test (built server and UI in Chromium)', () => {
  let server: ServerProcess & { url: string };
  let browser: BrowserContext;
  let workDir: string;

  beforeAll(async () => {
    if (!existsSync(chromiumPath))
      throw new Error(`${chromiumPath} is missing: apt-get install -y chromium`);
    workDir = await mkdtemp(join(tmpdir(), 'zaakstroom-browser-'));
    server = await startServerProcess({ DATA_DIR: join(workDir, 'data') });
    browser = await chromium.launchPersistentContext(join(workDir, 'profile'), {
      executablePath: chromiumPath,
      headless: true,
      args: chromiumArgs,
    });
  });

  afterAll(async () => {
    await browser?.close();
    server?.kill();
    // The screenshot stays for a person to look at; only the profile and data go.
    await rm(join(workDir, 'profile'), { recursive: true, force: true });
    await rm(join(workDir, 'data'), { recursive: true, force: true });
  });

  it('shows the application shell and a ready server', async () => {
    // given the start page
    const page = await browser.newPage();
    // when it has loaded
    await page.goto(server.url);
    // then it shows the name and the readiness it got from /health/ready
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Zaakstroom');
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Server: gereed');
    const screenshot = join(workDir, 'start-page.png');
    await page.screenshot({ path: screenshot, fullPage: true });
    console.log(`screenshot: ${screenshot}`);
  });
});
