import type { Taak, TaakUser } from './types.js';

/** Coordinators (and managers, read-only) see every task; they also assign. */
export function seesAll(user: TaakUser): boolean {
  return user.roles.includes('coordinator') || user.roles.includes('manager');
}

export function mayAssign(user: TaakUser): boolean {
  return user.roles.includes('coordinator');
}

/** Someone who handles or watches work; a beheerder alone is none of these. */
function isStaff(user: TaakUser): boolean {
  return ['behandelaar', 'coordinator', 'manager'].some((role) => user.roles.includes(role));
}

/**
 * Assignee, a candidate user, a member of a candidate group, or anyone when nobody is named. A
 * proefrun's task only its assignee (the beheerder who started the proefrun); a beheerder who
 * handles no work sees only the tasks assigned to them, which are proefrun tasks.
 */
export function maySee(user: TaakUser, taak: Taak): boolean {
  if (taak.proefrun || !isStaff(user)) return taak.assignee === user.username;
  if (seesAll(user) || taak.assignee === user.username) return true;
  if (taak.candidateUsers.includes(user.username)) return true;
  if (taak.candidateGroups.some((group) => user.groups.includes(group))) return true;
  return (
    taak.assignee === null && taak.candidateUsers.length === 0 && taak.candidateGroups.length === 0
  );
}

/** Whose list a caller may ask for: a beheerder alone only their own (proefrun) tasks. */
export function mayListBeyondOwn(user: TaakUser): boolean {
  return isStaff(user);
}

/** Claiming needs the behandelaar role and a task meant for the caller. */
export function mayClaim(user: TaakUser, taak: Taak): boolean {
  return (
    user.roles.includes('behandelaar') &&
    maySee({ ...user, roles: user.roles.filter((r) => r !== 'manager') }, taak)
  );
}
