import { z } from 'zod';

/** Roles people have; the database refuses any other value on an account. */
export const accountRoles = ['beheerder', 'behandelaar', 'coordinator', 'manager'] as const;

/** `service` is for job workers and other machine callers only. */
export const roles = [...accountRoles, 'service'] as const;

export type AccountRole = (typeof accountRoles)[number];
export type Role = (typeof roles)[number];

export const roleSchema = z.enum(roles);
export const accountRoleSchema = z.enum(accountRoles);
