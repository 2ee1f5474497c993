import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startServerProcess, type ServerProcess } from './serverProcess.js';

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

export interface BrowserSession {
  server: ServerProcess & { url: string };
  browser: Browser;
  /** A new page (in a fresh context) of the session's size. */
  newPage(): Promise<Page>;
  workDir: string;
  /** Closes the browser and the server; keeps screenshots, removes the data. */
  close(): Promise<void>;
}

/** The built server on a fresh data directory, and headless Chromium (a fresh profile per launch). */
export async function startBrowserSession(name: string, viewport = { width: 1400, height: 900 }, startTimeoutMs = 30_000): Promise<BrowserSession> {
  if (!existsSync(chromiumPath)) throw new Error(`${chromiumPath} is missing: apt-get install -y chromium`);
  const workDir = await mkdtemp(join(tmpdir(), `zaakstroom-${name}-`));
  const server = await startServerProcess({ DATA_DIR: join(workDir, 'data') }, startTimeoutMs);
  const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
  return {
    server,
    browser,
    workDir,
    newPage: () => browser.newPage({ viewport }),
    async close() {
      await browser.close();
      server.kill();
      await rm(join(workDir, 'data'), { recursive: true, force: true });
    },
  };
}
