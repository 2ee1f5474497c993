import { describe, expect, it } from 'vitest';
import { maySee } from './access.js';
import type { Taak, TaakUser } from './types.js';

const user = (username: string, roles: string[], groups: string[] = []): TaakUser => ({
  username,
  roles,
  groups,
  actor: { type: 'user', id: username, name: username },
});
const taak = (changes: Partial<Taak>): Taak =>
  ({
    assignee: null,
    candidateGroups: [],
    candidateUsers: [],
    proefrun: false,
    ...changes,
  }) as Taak;

describe('maySee: the proefrun rule', () => {
  const proefrunTaak = taak({ proefrun: true, assignee: 'bea', state: 'claimed' });

  it('given a proefrun task, then only its starter (the assignee) sees it', () => {
    expect(maySee(user('bea', ['beheerder']), proefrunTaak)).toBe(true);
    expect(maySee(user('ben', ['beheerder']), proefrunTaak)).toBe(false);
    expect(maySee(user('cor', ['coordinator', 'behandelaar']), proefrunTaak)).toBe(false);
    expect(maySee(user('mia', ['manager']), proefrunTaak)).toBe(false);
  });

  it('given a beheerder who handles no work, then they see no real task, not even one open to all', () => {
    expect(maySee(user('bea', ['beheerder']), taak({}))).toBe(false);
    expect(maySee(user('bea', ['beheerder']), taak({ candidateGroups: ['team-a'] }))).toBe(false);
  });

  it('given a behandelaar, then the usual rules hold for real tasks', () => {
    expect(
      maySee(user('bo', ['behandelaar'], ['team-a']), taak({ candidateGroups: ['team-a'] })),
    ).toBe(true);
    expect(maySee(user('bo', ['behandelaar']), taak({}))).toBe(true);
  });
});
