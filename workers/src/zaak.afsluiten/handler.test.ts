import { describe, expect, it } from 'vitest';
import { apiError, fakeDeps, zaakVariables } from '../testing/fakes.js';
import { sluitZaakAf } from './handler.js';

describe('zaak.afsluiten', () => {
  it('given a resultaattype header, then closes the zaak with it', async () => {
    const deps = fakeDeps();
    expect(await sluitZaakAf(zaakVariables, { resultaattype: 'Verleend' }, deps)).toEqual({
      outcome: 'complete',
    });
    expect(deps.platform.requests[0]).toMatchObject({
      path: '/api/zaken/z-1/afsluiten',
      body: { resultaattype: 'Verleend' },
    });
  });

  it('given no headers, then closes without a body field that is not set', async () => {
    const deps = fakeDeps();
    await sluitZaakAf(zaakVariables, {}, deps);
    expect(deps.platform.requests[0]?.body).toEqual({});
  });

  it('given the zaak has no resultaat (code in details), then throws RESULTAAT_ONTBREEKT', async () => {
    const deps = fakeDeps();
    deps.platform.answerWith(() =>
      apiError(409, 'ConflictError', 'Eindstatus vereist een resultaat', {
        code: 'RESULTAAT_ONTBREEKT',
      }),
    );
    expect(await sluitZaakAf(zaakVariables, {}, deps)).toMatchObject({
      outcome: 'bpmnError',
      errorCode: 'RESULTAAT_ONTBREEKT',
    });
  });

  it('given a refusal without code that names the resultaat, then also throws RESULTAAT_ONTBREEKT', async () => {
    const deps = fakeDeps();
    deps.platform.answerWith(() => apiError(400, 'InputError', 'De zaak heeft geen resultaat'));
    expect(await sluitZaakAf(zaakVariables, {}, deps)).toMatchObject({
      errorCode: 'RESULTAAT_ONTBREEKT',
    });
  });

  it('given another refusal (already closed with another code), then raises an incident', async () => {
    const deps = fakeDeps();
    deps.platform.answerWith(() =>
      apiError(409, 'ConflictError', 'Zaak is al afgesloten', { code: 'ZAAK_AFGESLOTEN' }),
    );
    expect(await sluitZaakAf(zaakVariables, {}, deps)).toMatchObject({
      outcome: 'fail',
      retries: 0,
    });
  });
});
