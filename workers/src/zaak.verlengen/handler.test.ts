import { describe, expect, it } from 'vitest';
import { fakeDeps, zaakVariables } from '../testing/fakes.js';
import { verlengZaak } from './handler.js';

describe('zaak.verlengen', () => {
  it('given duur and reden, then asks the platform to extend the zaak', async () => {
    const deps = fakeDeps();
    expect(await verlengZaak(zaakVariables, { duur: 'P6W', reden: 'Advies nodig' }, deps)).toEqual({
      outcome: 'complete',
    });
    expect(deps.platform.requests[0]).toMatchObject({
      path: '/api/zaken/z-1/verlengen',
      body: { duur: 'P6W', reden: 'Advies nodig' },
    });
  });

  it('given a duur that is no ISO duration, then raises an incident naming the header', async () => {
    const outcome = await verlengZaak(zaakVariables, { duur: '6 weken', reden: 'x' }, fakeDeps());
    expect(outcome).toMatchObject({ outcome: 'fail', retries: 0 });
    expect(outcome.outcome === 'fail' && outcome.message).toContain("header 'duur'");
  });
});
