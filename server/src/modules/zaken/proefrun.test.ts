import { describe, expect, it } from 'vitest';
import { isProefrunStarter } from './proefrun.js';
import type { ZaakActor } from './types.js';

const actor = (username: string, roles: string[]): ZaakActor => ({
  kind: 'user',
  id: username,
  username,
  roles,
  groups: [{ code: 'team-a' }],
});

describe('isProefrunStarter', () => {
  it('given a proefrun zaak, then its starter is, anybody else is not, whatever their groups', () => {
    const zaak = { proefrun: true, proefrun_gestart_door: 'bea' };
    expect(isProefrunStarter(actor('bea', ['beheerder']), zaak)).toBe(true);
    expect(isProefrunStarter(actor('ben', ['beheerder']), zaak)).toBe(false);
    expect(isProefrunStarter(actor('cor', ['coordinator']), zaak)).toBe(false);
  });

  it('given a real zaak, then nobody is its proefrun starter', () => {
    expect(
      isProefrunStarter(actor('bea', ['beheerder']), {
        proefrun: false,
        proefrun_gestart_door: 'bea',
      }),
    ).toBe(false);
  });
});
