import { describe, expect, it } from 'vitest';
import { fakeDeps, zaakVariables } from '../testing/fakes.js';
import { zetResultaat } from './handler.js';

describe('zaak.resultaat', () => {
  it('given a resultaattype, then records it on the zaak', async () => {
    const deps = fakeDeps();
    expect(
      await zetResultaat(zaakVariables, { resultaattype: 'Verleend', toelichting: ' ' }, deps),
    ).toEqual({ outcome: 'complete' });
    expect(deps.platform.requests[0]).toMatchObject({
      path: '/api/zaken/z-1/resultaat',
      body: { resultaattype: 'Verleend' },
    });
  });

  it('given no resultaattype, then raises an incident naming the header', async () => {
    const outcome = await zetResultaat(zaakVariables, {}, fakeDeps());
    expect(outcome.outcome === 'fail' && outcome.message).toContain("header 'resultaattype'");
  });
});
