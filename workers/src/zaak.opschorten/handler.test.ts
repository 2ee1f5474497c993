import { describe, expect, it } from 'vitest';
import { fakeDeps, zaakVariables } from '../testing/fakes.js';
import { schortZaakOp } from './handler.js';

describe('zaak.opschorten', () => {
  it('given a reden, then suspends the zaak', async () => {
    const deps = fakeDeps();
    expect(await schortZaakOp(zaakVariables, { reden: 'Wacht op gegevens' }, deps)).toEqual({
      outcome: 'complete',
    });
    expect(deps.platform.requests.map((r) => [r.path, r.body])).toEqual([
      ['/api/zaken/z-1/opschorten', { reden: 'Wacht op gegevens' }],
    ]);
  });

  it('given no reden, then raises an incident naming the header', async () => {
    const outcome = await schortZaakOp(zaakVariables, {}, fakeDeps());
    expect(outcome.outcome === 'fail' && outcome.message).toContain("header 'reden'");
  });
});
