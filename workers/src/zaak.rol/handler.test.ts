import { describe, expect, it } from 'vitest';
import { fakeDeps, zaakVariables } from '../testing/fakes.js';
import { voegRolToe } from './handler.js';

describe('zaak.rol', () => {
  const betrokkene = { type: 'natuurlijk_persoon', bsn: '999990019', naam: 'J. Jansen' };

  it('given the betrokkene in the named variable, then adds the rol', async () => {
    const deps = fakeDeps();
    const outcome = await voegRolToe(
      { ...zaakVariables, aanvrager: betrokkene },
      { roltype: 'Initiator', betrokkeneVariable: 'aanvrager' },
      deps,
    );
    expect(outcome).toEqual({ outcome: 'complete' });
    expect(deps.platform.requests[0]).toMatchObject({
      path: '/api/zaken/z-1/rollen',
      body: { roltype: 'Initiator', betrokkene },
    });
  });

  it('given no betrokkene variable, then raises an incident naming the variable', async () => {
    const outcome = await voegRolToe(zaakVariables, { roltype: 'Initiator' }, fakeDeps());
    expect(outcome).toMatchObject({ outcome: 'fail', retries: 0 });
    expect(outcome.outcome === 'fail' && outcome.message).toContain("variable 'betrokkene'");
  });
});
