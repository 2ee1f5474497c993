import { randomBytes } from 'node:crypto';
import knexFactory from 'knex';
import { openDatabase, type Database } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';

export interface TestDatabase {
  db: Database;
  /** The postgres:// URL of this test's own database, or undefined on PGlite. */
  url: string | undefined;
  destroy(): Promise<void>;
}

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a new database
 * on the server named by TEST_DATABASE_URL (dropped again by destroy()). Nothing leaks between files.
 */
export async function createTestDatabase(
  options: { migrate?: boolean } = {},
): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  let db: Database;
  let url: string | undefined;
  let dropDatabase = async () => {};
  if (serverUrl) {
    const name = `zs_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
    const admin = knexFactory({ client: 'pg', connection: serverUrl, pool: { min: 0, max: 1 } });
    await admin.raw(`create database ${name}`);
    const parsed = new URL(serverUrl);
    parsed.pathname = `/${name}`;
    url = parsed.toString();
    db = openDatabase({ url, dataDir: 'memory://' });
    dropDatabase = async () => {
      await admin.raw(`drop database if exists ${name} with (force)`);
      await admin.destroy();
    };
  } else {
    db = openDatabase({ dataDir: 'memory://' });
  }
  if (options.migrate ?? true) await migrateToLatest(db);
  return {
    db,
    url,
    async destroy() {
      await db.destroy();
      await dropDatabase();
    },
  };
}
