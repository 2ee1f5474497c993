import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import knexFactory from 'knex';

/** A fresh database for one benchmark target: PGlite in a temporary folder, or a new PostgreSQL database. */
export async function prepareDatabase(target: string, adminUrl: string): Promise<{ url: string | undefined; env: Record<string, string>; cleanup: () => Promise<void> }> {
  if (target === 'pglite') {
    const dataDir = mkdtempSync(join(tmpdir(), 'zs-bench-'));
    return { url: undefined, env: { DATA_DIR: dataDir }, cleanup: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const admin = knexFactory({ client: 'pg', connection: adminUrl, pool: { min: 0, max: 1 } });
  const name = `zs_bench_${Date.now().toString(36)}`;
  await admin.raw(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    env: { DATABASE_URL: url.toString() },
    cleanup: async () => {
      await admin.raw(`drop database if exists ${name} with (force)`);
      await admin.destroy();
    },
  };
}
