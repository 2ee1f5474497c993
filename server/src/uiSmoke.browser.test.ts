import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerProcess } from './bench/serverProcess.js';
import { startBrowserSession, type BrowserSession } from './testing/browserSession.js';

describe('UI smoke test (built server and UI in Chromium)', () => {
  let server: ServerProcess & { url: string };
  let workDir: string;

  let session: BrowserSession;
  beforeAll(async () => {
    session = await startBrowserSession('browser');
    ({ server, workDir } = session);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('shows the application shell and a ready server', async () => {
    // given the start page
    const page = await session.newPage();
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
