import { fileURLToPath } from 'node:url';
import type { Knex } from 'knex';
import type { Database } from './database.js';

/** The top-level migrations/ folder; the same relative path from src/db and dist/db. */
export const migrationsDirectory = fileURLToPath(new URL('../../../migrations', import.meta.url));

const migrationConfig: Knex.MigratorConfig = {
  directory: migrationsDirectory,
  loadExtensions: ['.js'],
  tableName: 'knex_migrations',
};

export async function migrateToLatest(db: Database): Promise<string[]> {
  const [, applied] = (await db.migrate.latest(migrationConfig)) as [number, string[]];
  return applied;
}

export async function rollbackAll(db: Database): Promise<void> {
  await db.migrate.rollback(migrationConfig, true);
}

/** True when every migration file has been applied. */
export async function migrationsCurrent(db: Database): Promise<boolean> {
  const [, pending] = (await db.migrate.list(migrationConfig)) as [unknown[], unknown[]];
  return pending.length === 0;
}
