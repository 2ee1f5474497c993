import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EngineProcess } from '../bench/engineProcess.js';
import { createTestDatabase, type TestDatabase } from './testDatabase.js';

/** The storage of one process in a multi-process test. */
export interface ProcessStore {
  /** DATA_DIR and DATABASE_URL for the process. */
  env: { DATA_DIR: string; DATABASE_URL: string };
  /** Its PostgreSQL database, or undefined on PGlite (then its data is under DATA_DIR). */
  database: TestDatabase | undefined;
}

/**
 * Storage of its own for each named process: a fresh PostgreSQL database with TEST_DATABASE_URL,
 * else a PGlite data dir. `cleanup` drops and removes them all.
 */
export async function processStores(
  prefix: string,
  count: number,
): Promise<{ stores: ProcessStore[]; cleanup(): Promise<void> }> {
  const stores: ProcessStore[] = [];
  for (let i = 0; i < count; i++) {
    const dataDir = await mkdtemp(join(tmpdir(), `zs-${prefix}-${i}-`));
    const database = process.env.TEST_DATABASE_URL
      ? await createTestDatabase({ migrate: false })
      : undefined;
    stores.push({ env: { DATA_DIR: dataDir, DATABASE_URL: database?.url ?? '' }, database });
  }
  return {
    stores,
    async cleanup() {
      for (const store of stores) {
        await store.database?.destroy();
        await rm(store.env.DATA_DIR, { recursive: true, force: true });
      }
    },
  };
}

/** The settings that point a server (or workers) at an engine process standing in for a cluster. */
export function externalEngineSettings(engine: EngineProcess): Record<string, string> {
  return {
    ZEEBE_ADDRESS: engine.gatewayAddress,
    ZEEBE_REST_ADDRESS: engine.httpUrl,
    // The stand-in gateway speaks plaintext gRPC without OAuth (the SDK's own settings).
    ZEEBE_INSECURE_CONNECTION: 'true',
    CAMUNDA_AUTH_STRATEGY: 'NONE',
  };
}
