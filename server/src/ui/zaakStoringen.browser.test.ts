import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../bench/engineProcess.js';
import { apiSession } from '../bench/apiSession.js';
import { createZeebeClient } from '../engine/conformance/zeebeClient.js';
import { seriousAccessibilityViolations } from '../testing/accessibility.js';
import { artifactPath } from '../testing/artifacts.js';
import { startBrowserSession, type BrowserSession } from '../testing/browserSession.js';

const bronorganisatie = '002220647';

/**
 * The zaak page's Storingen card in Chromium against the built server: a job failed through the
 * Zeebe API with no retries left shows with its message; a behandelaar sees no retry button, a
 * coordinator retries it and the card goes. Axe checks the page; a screenshot goes to test-artifacts/.
 */
describe('Storingen on the zaak page (built server and UI in Chromium)', () => {
  let session: BrowserSession;
  let gatewayPort: number;

  beforeAll(async () => {
    gatewayPort = await freePort();
    session = await startBrowserSession(
      'zaak-storingen',
      { width: 1400, height: 1000 },
      { ZEEBE_GATEWAY_PORT: String(gatewayPort) },
    );
  });
  afterAll(async () => {
    await session?.close();
  });

  async function signIn(username: string, path: string) {
    const page = await session.newPage();
    await page.goto(`${session.server.url}/inloggen?terug=${encodeURIComponent(path)}`);
    await page.getByLabel('Gebruikersnaam').fill(username);
    await page.getByLabel('Wachtwoord').fill('demo');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    return page;
  }

  it('shows a failed step with its message, and a coordinator retries it', async () => {
    const { url } = session.server;
    // given a melding waiting at its first task, whose job then fails with no retries left
    const api = await apiSession(url, 'coordinator');
    const zaak = await api<{ id: string; identificatie: string }>(
      '/api/zaken',
      {
        zaaktype: 'melding-openbare-ruimte',
        bronorganisatie,
        omschrijving: 'Storingtest',
        initiator: { type: 'natuurlijk_persoon', bsn: '999993653', naam: 'Jan Jansen' },
      },
      { 'Idempotency-Key': 'zaak-storingen-browser' },
    );
    let jobKey: string | undefined;
    await expect
      .poll(
        async () => {
          const found = await api<{ taken: { jobKey: string }[] }>(
            `/api/taken?scope=all&zaakId=${zaak.id}`,
          );
          jobKey = found.taken[0]?.jobKey;
          return jobKey;
        },
        { timeout: 30_000 },
      )
      .toBeDefined();
    const zeebe = createZeebeClient(`127.0.0.1:${gatewayPort}`);
    try {
      await zeebe.failJob({
        jobKey: jobKey!,
        retries: 0,
        errorMessage: 'Formulierdienst niet bereikbaar',
      });
    } finally {
      await zeebe.close();
    }

    // when a behandelaar of the team opens the zaak, they see the failure but cannot retry it
    const asBehandelaar = await signIn('behandelaar2', `/zaken/${zaak.id}`);
    const behandelaarCard = asBehandelaar.getByRole('region', { name: 'Storingen' });
    await behandelaarCard.getByText('Formulierdienst niet bereikbaar').waitFor({ timeout: 20_000 });
    expect(await behandelaarCard.getByText('Stap Melding beoordelen').count()).toBe(1);
    expect(await behandelaarCard.getByRole('button', { name: /Opnieuw proberen/ }).count()).toBe(0);

    // when the coordinator opens it
    const page = await signIn('coordinator', `/zaken/${zaak.id}`);
    const card = page.getByRole('region', { name: 'Storingen' });
    await card.getByText('Formulierdienst niet bereikbaar').waitFor({ timeout: 20_000 });
    await page.screenshot({ path: artifactPath('zaak-storingen.png'), fullPage: true });
    expect(
      await seriousAccessibilityViolations(page),
      'zaak page with Storingen: serious or critical axe violations',
    ).toEqual([]);
    await card.getByRole('button', { name: 'Opnieuw proberen: Melding beoordelen' }).click();

    // then the step is tried again and the card goes
    await page.getByText('De stap Melding beoordelen wordt opnieuw geprobeerd.').waitFor();
    await expect.poll(() => card.count(), { timeout: 20_000 }).toBe(0);
  });
});
