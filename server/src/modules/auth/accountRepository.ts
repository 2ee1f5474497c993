import type { Knex } from 'knex';
import type { GroupRef } from './principal.js';
import type { AccountRole } from './roles.js';

export interface AccountRecord {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  passwordHash: string | null;
  roles: AccountRole[];
  active: boolean;
}

interface AccountRow {
  id: string;
  username: string;
  display_name: string;
  email: string | null;
  password_hash: string | null;
  roles: AccountRole[];
  active: boolean;
}

export async function findAccountByUsername(
  db: Knex,
  username: string,
): Promise<AccountRecord | undefined> {
  const row = await db('auth_accounts').where({ username }).first<AccountRow | undefined>();
  return row && toAccount(row);
}

/** Inserts the account unless its username is taken (e.g. by another server seeding at the same time). */
export async function insertAccountIfMissing(db: Knex, account: AccountRecord): Promise<void> {
  await db('auth_accounts')
    .insert({
      id: account.id,
      username: account.username,
      display_name: account.displayName,
      email: account.email,
      password_hash: account.passwordHash,
      roles: account.roles,
      active: account.active,
    })
    .onConflict('username')
    .ignore();
}

export async function updatePasswordHash(
  db: Knex,
  accountId: string,
  passwordHash: string,
  at: Date,
): Promise<void> {
  await db('auth_accounts')
    .where({ id: accountId })
    .update({ password_hash: passwordHash, updated_at: at });
}

export async function existingUsernames(db: Knex, usernames: string[]): Promise<Set<string>> {
  const rows = await db('auth_accounts')
    .whereIn('username', usernames)
    .select<{ username: string }[]>('username');
  return new Set(rows.map((row) => row.username));
}

export async function accountIdsByUsername(
  db: Knex,
  usernames: string[],
): Promise<Map<string, string>> {
  const rows = await db('auth_accounts')
    .whereIn('username', usernames)
    .select<{ id: string; username: string }[]>('id', 'username');
  return new Map(rows.map((row) => [row.username, row.id]));
}

export async function groupsOfAccount(db: Knex, accountId: string): Promise<GroupRef[]> {
  return db('auth_group_members as m')
    .join('auth_groups as g', 'g.code', 'm.group_code')
    .where('m.account_id', accountId)
    .orderBy('g.code')
    .select<GroupRef[]>('g.code', 'g.naam');
}

export async function listGroups(db: Knex): Promise<GroupRef[]> {
  return db('auth_groups').orderBy('code').select<GroupRef[]>('code', 'naam');
}

/** Creates the group when missing; an existing group keeps its name (a beheerder may have changed it). */
export async function ensureGroup(db: Knex, group: GroupRef): Promise<void> {
  await db('auth_groups').insert(group).onConflict('code').ignore();
}

export async function ensureGroupMember(
  db: Knex,
  groupCode: string,
  accountId: string,
): Promise<void> {
  await db('auth_group_members')
    .insert({ group_code: groupCode, account_id: accountId })
    .onConflict(['group_code', 'account_id'])
    .ignore();
}

function toAccount(row: AccountRow): AccountRecord {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    email: row.email,
    passwordHash: row.password_hash,
    roles: row.roles,
    active: row.active,
  };
}

/** Someone work can be given to: an active account with the behandelaar role. */
export interface Medewerker {
  username: string;
  displayName: string;
  groups: string[];
}

/** Active behandelaars with their groups, by name; one when `username` is given. */
export async function listMedewerkers(db: Knex, username?: string): Promise<Medewerker[]> {
  const query = db('auth_accounts as a')
    .leftJoin('auth_group_members as m', 'm.account_id', 'a.id')
    .where('a.active', true)
    .whereRaw("'behandelaar' = any(a.roles)")
    .groupBy('a.id', 'a.username', 'a.display_name')
    .orderBy('a.display_name')
    .select<{ username: string; display_name: string; groups: string[] | null }[]>(
      'a.username',
      'a.display_name',
      db.raw('array_remove(array_agg(m.group_code order by m.group_code), null) as groups'),
    );
  if (username !== undefined) void query.where('a.username', username);
  const rows = await query;
  return rows.map((row) => ({
    username: row.username,
    displayName: row.display_name,
    groups: row.groups ?? [],
  }));
}
