import type { Role } from '../lib/session';

export interface Area {
  path: string;
  label: string;
  roles: Role[];
}

/** The three areas and who sees them. */
export const areas: Area[] = [
  { path: '/werk', label: 'Werk', roles: ['behandelaar', 'coordinator'] },
  { path: '/beheer', label: 'Beheer', roles: ['beheerder'] },
  { path: '/overzicht', label: 'Overzicht', roles: ['manager', 'coordinator'] },
];

export function areasFor(roles: readonly Role[]): Area[] {
  return areas.filter((area) => area.roles.some((role) => roles.includes(role)));
}
