import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startServerProcess, type ServerProcess } from '../bench/serverProcess.js';

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

/** Debian's Chromium, headless, with the flags this closed network needs. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(chromiumPath))
    throw new Error(`${chromiumPath} is missing: apt-get install -y chromium`);
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
}

/** The built server on a fresh data directory, and headless Chromium (a fresh profile per launch). */
export async function startBrowserSession(
  name: string,
  viewport = { width: 1400, height: 900 },
  settings: Record<string, string> = {},
): Promise<BrowserSession> {
  const browser = await launchChromium();
  const workDir = await mkdtemp(join(tmpdir(), `zaakstroom-${name}-`));
  const server = await startServerProcess({ DATA_DIR: join(workDir, 'data'), ...settings });
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
