import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { InputError } from '../../http/errors.js';
import {
  accountIdsByUsername,
  ensureGroup,
  ensureGroupMember,
  findAccountByUsername,
  insertAccountIfMissing,
  updatePasswordHash,
} from './accountRepository.js';
import { normaliseUsername } from './authService.js';
import { hashPassword } from './passwordHashing.js';
import { accountRoleSchema } from './roles.js';

export interface AccountSetting {
  username: string;
  password: string;
  roles: string[];
  groups: string[];
  displayName?: string | undefined;
  email?: string | undefined;
}

const MIN_PASSWORD = 12;

/**
 * For operators (the `account` command): creates a local account, or gives an existing one a
 * new password and, when given, new roles and extra groups. The first beheerder of a
 * production installation (SEED_DEMO=false) is made this way.
 */
export async function setAccount(
  db: Knex,
  setting: AccountSetting,
): Promise<'created' | 'updated'> {
  const username = normaliseUsername(setting.username);
  if (!/^[a-z0-9._@-]{2,100}$/.test(username))
    throw new InputError('username: use 2-100 letters, digits, dots, dashes, @ or _', { username });
  if (setting.password.length < MIN_PASSWORD)
    throw new InputError(`password: use at least ${MIN_PASSWORD} characters`, {});
  const roles = setting.roles.map((role) => {
    const parsed = accountRoleSchema.safeParse(role);
    if (!parsed.success)
      throw new InputError(
        `role "${role}": expected one of ${accountRoleSchema.options.join(', ')}`,
        { role },
      );
    return parsed.data;
  });
  const existing = await findAccountByUsername(db, username);
  const external = await db('auth_accounts')
    .where({ username })
    .first<{ external_issuer: string | null } | undefined>('external_issuer');
  if (external?.external_issuer)
    throw new InputError(
      `${username} signs in with the municipality's identity provider (${external.external_issuer}); it has no password here. Manage it at the provider.`,
      { username },
    );
  if (!existing && roles.length === 0)
    throw new InputError('roles: a new account needs at least one role (--role)', { username });
  const passwordHash = await hashPassword(setting.password);
  return db.transaction(async (trx) => {
    if (existing) {
      await updatePasswordHash(trx, existing.id, passwordHash, new Date());
      if (roles.length > 0) await trx('auth_accounts').where({ id: existing.id }).update({ roles });
    } else {
      await insertAccountIfMissing(trx, {
        id: randomUUID(),
        username,
        displayName: setting.displayName ?? username,
        email: setting.email ?? null,
        passwordHash,
        roles,
        active: true,
      });
    }
    const id = (await accountIdsByUsername(trx, [username])).get(username);
    for (const code of setting.groups) {
      await ensureGroup(trx, { code, naam: code });
      if (id) await ensureGroupMember(trx, code, id);
    }
    return existing ? 'updated' : 'created';
  });
}
