import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../testing/testDatabase.js';
import { findAccountByUsername, groupsOfAccount, updatePasswordHash } from './accountRepository.js';
import { demoAccounts, seedDemoAccounts } from './demoAccounts.js';
import { verifyPassword } from './passwordHashing.js';

describe('seedDemoAccounts', () => {
  let testDb: TestDatabase;
  beforeAll(async () => {
    testDb = await createTestDatabase();
  });
  afterAll(async () => {
    await testDb?.destroy();
  });

  it('creates the demo accounts with hashed password "demo", roles and groups', async () => {
    // when seeding an empty database
    await seedDemoAccounts(testDb.db);
    // then every demo account exists with a hashed password
    for (const demo of demoAccounts) {
      const account = await findAccountByUsername(testDb.db, demo.username);
      expect(account?.roles).toEqual(demo.roles);
      expect(account?.passwordHash).toMatch(/^\$scrypt\$/);
      expect(await verifyPassword('demo', account?.passwordHash ?? '')).toBe(true);
    }
    const behandelaar2 = await findAccountByUsername(testDb.db, 'behandelaar2');
    const groups = await groupsOfAccount(testDb.db, behandelaar2?.id ?? '');
    expect(groups.map((group) => group.code)).toEqual(['team-juridisch', 'team-openbare-ruimte']);
  });

  it('is idempotent and keeps changes made since (e.g. a new password)', async () => {
    // given a beheerder who changed the demo password
    const beheerder = await findAccountByUsername(testDb.db, 'beheerder');
    await updatePasswordHash(testDb.db, beheerder?.id ?? '', '$scrypt$changed', new Date());
    // when seeding again
    await seedDemoAccounts(testDb.db);
    // then nothing is duplicated or reset
    const count = await testDb.db('auth_accounts').count<{ count: string }[]>({ count: '*' });
    expect(Number(count[0]?.count)).toBe(demoAccounts.length);
    expect((await findAccountByUsername(testDb.db, 'beheerder'))?.passwordHash).toBe(
      '$scrypt$changed',
    );
    const memberships = await testDb
      .db('auth_group_members')
      .count<{ count: string }[]>({ count: '*' });
    expect(Number(memberships[0]?.count)).toBe(2 + 2 + 4 + 4);
  });
});
