import { describe, expect, it } from 'vitest';
import { claimValues, identityFromClaims } from './oidcClaims.js';

const mapping = { rolesClaim: 'roles', groupsClaim: 'groups' };

describe('identityFromClaims', () => {
  it('maps known roles and groups, ignoring unknown values', () => {
    const identity = identityFromClaims(
      {
        sub: 'abc-123',
        preferred_username: 'J.Jansen',
        name: 'Jan Jansen',
        email: 'jan@gemeente.example',
        roles: ['Behandelaar', 'koffiezetter'],
        groups: ['/vergunningen', 'onbekend'],
      },
      mapping,
      ['vergunningen', 'belastingen'],
    );
    expect(identity).toEqual({
      subject: 'abc-123',
      username: 'j.jansen',
      displayName: 'Jan Jansen',
      email: 'jan@gemeente.example',
      roles: ['behandelaar'],
      groups: ['vergunningen'],
    });
  });

  it('falls back to the subject for the username and display name', () => {
    const identity = identityFromClaims({ sub: 'abc-123' }, mapping, []);
    expect(identity).toMatchObject({ username: 'abc-123', displayName: 'abc-123', roles: [] });
  });

  it('reads nested claims and space- or comma-separated strings', () => {
    const claims = { realm_access: { roles: ['manager'] }, scope_roles: 'beheerder, manager' };
    expect(claimValues(claims, 'realm_access.roles')).toEqual(['manager']);
    expect(claimValues(claims, 'scope_roles')).toEqual(['beheerder', 'manager']);
    expect(claimValues(claims, 'missing.path')).toEqual([]);
  });
});
