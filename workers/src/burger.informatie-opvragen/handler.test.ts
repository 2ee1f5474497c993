import { describe, expect, it } from 'vitest';
import { fakeDeps, zaakVariables } from '../testing/fakes.js';
import { vraagInformatieOp } from './handler.js';

const asked = { ...zaakVariables, omschrijving: 'Een constructieberekening', correlatieSleutel: 'ZAAK-2026-0000001' };
const headers = { berichtNaam: 'aanvullende-gegevens-ontvangen' };

describe('burger.informatie-opvragen', () => {
  it('given what is asked, then records the request once per job and completes', async () => {
    // given
    const deps = fakeDeps();
    // when
    const outcome = await vraagInformatieOp({ ...asked, uiterlijkeDatum: '2026-04-01' }, headers, deps);
    // then
    expect(outcome).toEqual({ outcome: 'complete' });
    expect(deps.platform.requests.map((r) => [r.path, r.body, r.options?.idempotencyKey])).toEqual([
      [
        '/api/zaken/z-1/informatieverzoeken',
        { omschrijving: 'Een constructieberekening', berichtNaam: 'aanvullende-gegevens-ontvangen', correlatieSleutel: 'ZAAK-2026-0000001', uiterlijkeDatum: '2026-04-01' },
        'job-2251799813685260',
      ],
    ]);
  });

  it('given no deadline, then leaves it out', async () => {
    const deps = fakeDeps();
    await vraagInformatieOp({ ...asked, uiterlijkeDatum: null }, headers, deps);
    expect(deps.platform.requests[0]?.body).not.toHaveProperty('uiterlijkeDatum');
  });

  it('given nothing asked or no message name, then raises an incident naming the input', async () => {
    const noOmschrijving = await vraagInformatieOp({ ...asked, omschrijving: ' ' }, headers, fakeDeps());
    expect(noOmschrijving.outcome === 'fail' && noOmschrijving.message).toContain("'omschrijving'");
    const noBericht = await vraagInformatieOp(asked, {}, fakeDeps());
    expect(noBericht.outcome === 'fail' && noBericht.message).toContain("header 'berichtNaam'");
  });

  it('given a zaaktype that cannot be suspended, then raises an incident with the platform\'s reason', async () => {
    const deps = fakeDeps();
    deps.platform.answerWith(() => ({ status: 409, body: { error: { name: 'ConflictError', message: 'This zaaktype does not allow opschorting' } } }));
    const outcome = await vraagInformatieOp(asked, headers, deps);
    expect(outcome.outcome === 'fail' && outcome.message).toContain('does not allow opschorting');
  });
});
