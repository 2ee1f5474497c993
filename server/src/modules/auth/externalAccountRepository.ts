import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { AccountRecord } from './accountRepository.js';
import type { AccountRole } from './roles.js';

/** An account an identity provider vouches for: found by issuer and subject, never by password. */
export interface ExternalAccount extends Omit<AccountRecord, 'passwordHash'> {
  issuer: string;
  subject: string;
}

interface ExternalAccountRow {
  id: string;
  username: string;
  display_name: string;
  email: string | null;
  roles: AccountRole[];
  active: boolean;
  external_issuer: string;
  external_subject: string;
}

export async function findExternalAccount(
  db: Knex,
  issuer: string,
  subject: string,
): Promise<ExternalAccount | undefined> {
  const row = await db('auth_accounts')
    .where({ external_issuer: issuer, external_subject: subject })
    .first<ExternalAccountRow | undefined>();
  return (
    row && {
      id: row.id,
      username: row.username,
      displayName: row.display_name,
      email: row.email,
      roles: row.roles,
      active: row.active,
      issuer: row.external_issuer,
      subject: row.external_subject,
    }
  );
}

export async function isExternalAccountOf(
  db: Knex,
  accountId: string,
  issuer: string,
): Promise<boolean> {
  const row = await db('auth_accounts')
    .where({ id: accountId, external_issuer: issuer })
    .first<{ id: string } | undefined>('id');
  return row !== undefined;
}

export async function usernameTaken(db: Knex, username: string): Promise<boolean> {
  const row = await db('auth_accounts').where({ username }).first<{ id: string } | undefined>('id');
  return row !== undefined;
}

export async function insertExternalAccount(
  db: Knex,
  account: Omit<ExternalAccount, 'id' | 'active'>,
  at: Date,
): Promise<ExternalAccount> {
  const id = randomUUID();
  await db('auth_accounts').insert({
    id,
    username: account.username,
    display_name: account.displayName,
    email: account.email,
    password_hash: null,
    roles: account.roles,
    active: true,
    external_issuer: account.issuer,
    external_subject: account.subject,
    created_at: at,
    updated_at: at,
  });
  return { ...account, id, active: true };
}

/** The provider is the source of name, e-mail and roles: they follow it at every login. */
export async function updateExternalAccount(
  db: Knex,
  id: string,
  fields: Pick<ExternalAccount, 'displayName' | 'email' | 'roles'>,
  at: Date,
): Promise<void> {
  await db('auth_accounts').where({ id }).update({
    display_name: fields.displayName,
    email: fields.email,
    roles: fields.roles,
    updated_at: at,
  });
}

/** Makes the account a member of exactly these (existing) groups. */
export async function replaceGroupMemberships(
  db: Knex,
  accountId: string,
  groupCodes: readonly string[],
): Promise<void> {
  const leaving = db('auth_group_members').where({ account_id: accountId });
  if (groupCodes.length > 0) void leaving.whereNotIn('group_code', groupCodes);
  await leaving.delete();
  if (groupCodes.length === 0) return;
  await db('auth_group_members')
    .insert(groupCodes.map((code) => ({ group_code: code, account_id: accountId })))
    .onConflict(['group_code', 'account_id'])
    .ignore();
}
