import { describe, expect, it } from 'vitest';
import { PlatformUnavailableError } from '../runtime/platformClient.js';
import { apiError, fakeDeps, zaakVariables } from '../testing/fakes.js';
import { zetStatus } from './handler.js';

describe('zaak.status', () => {
  it('given a statustype header, when handled, then posts the status once with the job key as idempotency key', async () => {
    const deps = fakeDeps();
    const outcome = await zetStatus(zaakVariables, { statustype: 'In behandeling' }, deps);
    expect(outcome).toEqual({ outcome: 'complete' });
    expect(deps.platform.requests).toEqual([
      {
        method: 'POST',
        path: '/api/zaken/z-1/status',
        body: { statustype: 'In behandeling' },
        options: { idempotencyKey: 'job-2251799813685260' },
      },
    ]);
  });

  it('given no statustype header, then raises an incident (retries 0) naming the header', async () => {
    const deps = fakeDeps();
    const outcome = await zetStatus(zaakVariables, {}, deps);
    expect(outcome).toMatchObject({ outcome: 'fail', retries: 0 });
    expect(outcome.outcome === 'fail' && outcome.message).toContain("header 'statustype'");
    expect(deps.platform.requests).toHaveLength(0);
  });

  it('given no zaak.id variable, then raises an incident naming zaak.id', async () => {
    const outcome = await zetStatus(
      { zaak: { identificatie: 'x' } },
      { statustype: 'Ontvangen' },
      fakeDeps(),
    );
    expect(outcome).toMatchObject({ outcome: 'fail', retries: 0 });
    expect(outcome.outcome === 'fail' && outcome.message).toContain("variable 'zaak.id'");
  });

  it('given the zaak does not exist (404), then throws BPMN error ZAAK_NIET_GEVONDEN', async () => {
    const deps = fakeDeps();
    deps.platform.answerWith(() => apiError(404, 'NotFoundError', 'Zaak z-1 bestaat niet'));
    const outcome = await zetStatus(zaakVariables, { statustype: 'Ontvangen' }, deps);
    expect(outcome).toMatchObject({ outcome: 'bpmnError', errorCode: 'ZAAK_NIET_GEVONDEN' });
  });

  it('given a 5xx or an unreachable platform, then fails for a later retry (retries decided by the runtime)', async () => {
    const deps = fakeDeps();
    deps.platform.answerWith(() => apiError(503, 'InternalError', 'down'));
    const outcome = await zetStatus(zaakVariables, { statustype: 'Ontvangen' }, deps);
    expect(outcome).toMatchObject({ outcome: 'fail' });
    expect(outcome.outcome === 'fail' && outcome.retries).toBeUndefined();

    deps.platform.answerWith(() => {
      throw new PlatformUnavailableError('connect ECONNREFUSED');
    });
    expect(await zetStatus(zaakVariables, { statustype: 'Ontvangen' }, deps)).toEqual({
      outcome: 'fail',
      message: 'connect ECONNREFUSED',
    });
  });

  it('given the API refuses the statustype (400), then raises an incident with the API message', async () => {
    const deps = fakeDeps();
    deps.platform.answerWith(() =>
      apiError(400, 'InputError', "Statustype 'Bestaat niet' hoort niet bij het zaaktype"),
    );
    const outcome = await zetStatus(zaakVariables, { statustype: 'Bestaat niet' }, deps);
    expect(outcome).toMatchObject({ outcome: 'fail', retries: 0 });
    expect(outcome.outcome === 'fail' && outcome.message).toContain('hoort niet bij het zaaktype');
  });
});
