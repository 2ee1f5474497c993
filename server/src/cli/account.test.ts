import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database.js';
import { verifyPassword } from '../modules/auth/index.js';
import { createTestDatabase, type TestDatabase } from '../testing/testDatabase.js';

const cli = fileURLToPath(new URL('../../dist/cli/account.js', import.meta.url));

/** `npm run account` as an operator runs it: the built command on the configured database. */
describe('npm run account', () => {
  let dataDir: string;
  let database: TestDatabase | undefined;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'zs-account-'));
    if (process.env.TEST_DATABASE_URL) database = await createTestDatabase({ migrate: false });
  });
  afterAll(async () => {
    await database?.destroy();
    await rm(dataDir, { recursive: true, force: true });
  });

  function run(args: string[], password: string | undefined, stdin = '') {
    return new Promise<{ code: number | null; out: string }>((resolve) => {
      const child = spawn(process.execPath, [cli, ...args], {
        env: {
          ...process.env,
          DATA_DIR: dataDir,
          DATABASE_URL: database?.url ?? '',
          ACCOUNT_PASSWORD: password,
          LOG_LEVEL: 'silent',
        },
      });
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.stdin.end(stdin);
      child.on('exit', (code) => resolve({ code, out }));
    });
  }

  async function account(username: string) {
    const db = openDatabase({ url: database?.url, dataDir, poolMax: 1 });
    try {
      const row = (await db('auth_accounts').where({ username }).first()) as
        { id: string; roles: string[]; password_hash: string } | undefined;
      const groups = row
        ? await db('auth_group_members').where({ account_id: row.id }).pluck('group_code')
        : [];
      return row && { ...row, groups };
    } finally {
      await db.destroy();
    }
  }

  it('creates the first beheerder with the password from stdin, then resets it from the environment', async () => {
    const created = await run(
      ['Anna', '--role', 'beheerder', '--group', 'team-ict'],
      undefined,
      'een-lang-wachtwoord\n',
    );
    expect(created).toEqual({ code: 0, out: 'account Anna created\n' });
    const anna = await account('anna');
    expect(anna?.roles).toEqual(['beheerder']);
    expect(anna?.groups).toEqual(['team-ict']);
    expect(await verifyPassword('een-lang-wachtwoord', anna!.password_hash)).toBe(true);

    const reset = await run(['anna'], 'nog-een-lang-wachtwoord');
    expect(reset).toEqual({ code: 0, out: 'account anna updated\n' });
    expect(
      await verifyPassword('nog-een-lang-wachtwoord', (await account('anna'))!.password_hash),
    ).toBe(true);
  }, 60_000);

  it('refuses a short password, an unknown role or a new account without a role, naming what to fix', async () => {
    expect(await run(['bert', '--role', 'beheerder'], 'kort')).toEqual({
      code: 2,
      out: 'password: use at least 12 characters\n',
    });
    expect(await run(['bert', '--role', 'baas'], 'een-lang-wachtwoord')).toMatchObject({
      code: 2,
      out: expect.stringContaining(
        'role "baas": expected one of beheerder, behandelaar, coordinator, manager',
      ),
    });
    expect(await run(['bert'], 'een-lang-wachtwoord')).toMatchObject({
      code: 2,
      out: expect.stringContaining('a new account needs at least one role'),
    });
    expect(await run([], 'een-lang-wachtwoord')).toMatchObject({
      code: 2,
      out: expect.stringContaining('Usage: npm run account'),
    });
    expect(await account('bert')).toBeUndefined();
  }, 60_000);

  it('refuses a password for an account that signs in through OpenID Connect', async () => {
    const db = openDatabase({ url: database?.url, dataDir, poolMax: 1 });
    try {
      await db('auth_accounts').insert({
        id: '0b1c2d3e-0000-4000-8000-000000000001',
        username: 'oidc-gebruiker',
        display_name: 'O. Idc',
        roles: ['behandelaar'],
        active: true,
        external_issuer: 'https://login.gemeente.example',
        external_subject: 'abc',
      });
    } finally {
      await db.destroy();
    }
    expect(await run(['oidc-gebruiker'], 'een-lang-wachtwoord')).toMatchObject({
      code: 2,
      out: expect.stringContaining(
        "signs in with the municipality's identity provider (https://login.gemeente.example)",
      ),
    });
  }, 60_000);
});
