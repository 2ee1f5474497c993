import type { Taak, TaakUser } from './types.js';

/** Coordinators (and managers, read-only) see every task; they also assign. */
export function seesAll(user: TaakUser): boolean {
  return user.roles.includes('coordinator') || user.roles.includes('manager');
}

export function mayAssign(user: TaakUser): boolean {
  return user.roles.includes('coordinator');
}

/** Assignee, a candidate user, a member of a candidate group, or anyone when nobody is named. */
export function maySee(user: TaakUser, taak: Taak): boolean {
  if (seesAll(user) || taak.assignee === user.username) return true;
  if (taak.candidateUsers.includes(user.username)) return true;
  if (taak.candidateGroups.some((group) => user.groups.includes(group))) return true;
  return (
    taak.assignee === null && taak.candidateUsers.length === 0 && taak.candidateGroups.length === 0
  );
}

/** Claiming needs the behandelaar role and a task meant for the caller. */
export function mayClaim(user: TaakUser, taak: Taak): boolean {
  return (
    user.roles.includes('behandelaar') &&
    maySee({ ...user, roles: user.roles.filter((r) => r !== 'manager') }, taak)
  );
}
