import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import knexFactory, { type Knex } from 'knex';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import ClientPgLite from 'knex-pglite';

export type Database = Knex;

export interface DatabaseOptions {
  /** A postgres:// URL; when absent, embedded PGlite is used. */
  url?: string | undefined;
  /** Directory for PGlite's files; `memory://` for a throw-away database. */
  dataDir: string;
  poolMax?: number;
}

/**
 * Opens the database: a real PostgreSQL server when a URL is given, else embedded PGlite.
 * PGlite is a single connection: never query outside an open transaction's object while it runs.
 */
export function openDatabase(options: DatabaseOptions): Database {
  if (options.url) {
    return knexFactory({
      client: 'pg',
      connection: options.url,
      pool: { min: 0, max: options.poolMax ?? 10 },
    });
  }
  const location = options.dataDir === 'memory://' ? 'memory://' : resolve(options.dataDir, 'pglite');
  if (location !== 'memory://') mkdirSync(location, { recursive: true });
  // int8 (keys, counters) as strings, as node-postgres returns them: JavaScript numbers lose precision past 2^53.
  // pg_trgm: trigram indexes for searching zaken by text, as on PostgreSQL.
  const pglite = new PGlite(location, {
    parsers: { 20: (value: string) => value },
    extensions: { pg_trgm },
  });
  return knexFactory({
    client: ClientPgLite,
    dialect: 'postgres',
    connection: { pglite } as unknown as Knex.StaticConnectionConfig,
  });
}

/** Whether the database is PGlite (one connection, no parallel transactions). */
export function isEmbedded(db: Database): boolean {
  return (db.client as { config?: { connection?: { pglite?: unknown } } }).config?.connection?.pglite !== undefined;
}
