import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { ConfigError, readConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { ApplicationError } from '../http/errors.js';
import { setAccount } from '../modules/auth/accountAdmin.js';

const usage = `Usage: npm run account -- <username> --role <role> [--role …] [--group <code> …] [--name "Naam"] [--email adres]
Creates a local account, or gives an existing one a new password (and the roles and groups given).
The password is read from ACCOUNT_PASSWORD or, when that is unset, from the first line of stdin.
Uses the server's DATABASE_URL / DATA_DIR; with embedded PGlite, stop the server first.
Roles: beheerder, behandelaar, coordinator, manager.`;

/** `npm run account`: the operator's way to the first beheerder and to password resets. */
async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      role: { type: 'string', multiple: true, default: [] },
      group: { type: 'string', multiple: true, default: [] },
      name: { type: 'string' },
      email: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const username = positionals[0];
  if (values.help || !username || positionals.length > 1) {
    process.stderr.write(`${usage}\n`);
    return values.help ? 0 : 2;
  }
  const config = readConfig();
  const password = process.env.ACCOUNT_PASSWORD ?? (await firstLineOfStdin());
  const db = openDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR, poolMax: 1 });
  try {
    await migrateToLatest(db);
    const outcome = await setAccount(db, {
      username,
      password,
      roles: values.role,
      groups: values.group,
      displayName: values.name,
      email: values.email,
    });
    process.stdout.write(`account ${username} ${outcome}\n`);
    return 0;
  } finally {
    await db.destroy();
  }
}

async function firstLineOfStdin(): Promise<string> {
  const lines = createInterface({ input: process.stdin, terminal: false });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  return '';
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const known =
      error instanceof ApplicationError ||
      error instanceof ConfigError ||
      error instanceof TypeError;
    process.stderr.write(`${known ? (error).message : String(error)}\n`);
    process.exit(2);
  },
);
