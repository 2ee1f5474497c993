import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import {
  accountIdsByUsername,
  ensureGroup,
  ensureGroupMember,
  existingUsernames,
  insertAccountIfMissing,
} from './accountRepository.js';
import { hashPassword } from './passwordHashing.js';
import type { GroupRef } from './principal.js';
import type { AccountRole } from './roles.js';

/** Password of every demo account; shown on the login page of the embedded default. */
export const demoPassword = 'demo';

export const demoGroups: GroupRef[] = [
  { code: 'team-openbare-ruimte', naam: 'Team Openbare Ruimte' },
  { code: 'team-vergunningen', naam: 'Team Vergunningen' },
  { code: 'team-juridisch', naam: 'Team Juridische Zaken' },
  { code: 'team-informatieverzoeken', naam: 'Team Informatieverzoeken (Woo)' },
];

interface DemoAccount {
  username: string;
  displayName: string;
  roles: AccountRole[];
  groups: string[];
}

const allTeams = demoGroups.map((group) => group.code);

export const demoAccounts: DemoAccount[] = [
  { username: 'beheerder', displayName: 'Bea Beheer', roles: ['beheerder'], groups: [] },
  {
    username: 'behandelaar',
    displayName: 'Bram Behandel',
    roles: ['behandelaar'],
    groups: ['team-vergunningen', 'team-informatieverzoeken'],
  },
  {
    username: 'behandelaar2',
    displayName: 'Bo de Vries',
    roles: ['behandelaar'],
    groups: ['team-openbare-ruimte', 'team-juridisch'],
  },
  {
    username: 'coordinator',
    displayName: 'Cor Coördinator',
    roles: ['coordinator', 'behandelaar'],
    groups: allTeams,
  },
  { username: 'manager', displayName: 'Mirjam Manager', roles: ['manager'], groups: allTeams },
];

/**
 * Creates the demo groups and accounts (password `demo`) that are missing, with their group
 * memberships. Idempotent: existing accounts keep their password, roles and details, so a
 * beheerder's changes survive a restart.
 */
export async function seedDemoAccounts(db: Knex): Promise<void> {
  const existing = await existingUsernames(
    db,
    demoAccounts.map((account) => account.username),
  );
  const missing = demoAccounts.filter((account) => !existing.has(account.username));
  // Hash before the transaction: scrypt is slow and PGlite has a single connection.
  const hashes = await Promise.all(missing.map(() => hashPassword(demoPassword)));
  await db.transaction(async (trx) => {
    for (const group of demoGroups) await ensureGroup(trx, group);
    for (const [index, account] of missing.entries()) {
      await insertAccountIfMissing(trx, {
        id: randomUUID(),
        username: account.username,
        displayName: account.displayName,
        email: `${account.username}@gemeente.example`,
        passwordHash: hashes[index] ?? null,
        roles: account.roles,
        active: true,
      });
    }
    const ids = await accountIdsByUsername(
      trx,
      missing.map((account) => account.username),
    );
    for (const account of missing) {
      const id = ids.get(account.username);
      if (id) for (const code of account.groups) await ensureGroupMember(trx, code, id);
    }
  });
}
