import { describe, expect, it } from 'vitest';
import { apiError, fakeDeps, zaakVariables } from '../testing/fakes.js';
import { hervatZaak } from './handler.js';

describe('zaak.hervatten', () => {
  it('given a suspended zaak, then asks the platform to resume it', async () => {
    const deps = fakeDeps();
    expect(await hervatZaak(zaakVariables, {}, deps)).toEqual({ outcome: 'complete' });
    expect(deps.platform.requests[0]).toMatchObject({
      method: 'POST',
      path: '/api/zaken/z-1/hervatten',
      body: {},
    });
  });

  it('given an unknown zaak, then throws ZAAK_NIET_GEVONDEN', async () => {
    const deps = fakeDeps();
    deps.platform.answerWith(() => apiError(404, 'NotFoundError', 'onbekend'));
    expect(await hervatZaak(zaakVariables, {}, deps)).toMatchObject({
      errorCode: 'ZAAK_NIET_GEVONDEN',
    });
  });
});
