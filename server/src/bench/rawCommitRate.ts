import knexFactory from 'knex';
import { openDatabase } from '../db/database.js';

/**
 * The database's own commit rate, measured the same way the engine commits: small inserts,
 * each its own transaction, from `clients` connections at once. The baseline for the engine's
 * figures in the same run.
 */
export async function rawCommitRate(
  url: string | undefined,
  seconds: number,
  clients: number,
): Promise<number> {
  const db = url
    ? knexFactory({ client: 'pg', connection: url, pool: { min: 0, max: clients } })
    : openDatabase({ dataDir: 'memory://' });
  const concurrency = url ? clients : 1;
  try {
    await db.raw(
      'create table if not exists bench_commits (id bigserial primary key, payload text not null)',
    );
    let commits = 0;
    const until = Date.now() + seconds * 1000;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (Date.now() < until) {
          await db.transaction(async (trx) => {
            await trx('bench_commits').insert({ payload: 'x' });
          });
          commits++;
        }
      }),
    );
    await db.raw('drop table bench_commits');
    return commits / seconds;
  } finally {
    await db.destroy();
  }
}
