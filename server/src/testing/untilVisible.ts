import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * Reloads the page until `probe` finds what the asynchronous process should have produced (a
 * worker's step, the engine's next task), for at most 30 s; `what` names it when it never comes.
 */
export async function untilVisible(page: Page, probe: () => Locator, what: string): Promise<void> {
  await expect
    .poll(
      async () => {
        if ((await probe().count()) > 0) return true;
        await page.reload();
        await page.waitForLoadState('networkidle');
        return (await probe().count()) > 0;
      },
      { timeout: 30_000, message: what },
    )
    .toBe(true);
}
