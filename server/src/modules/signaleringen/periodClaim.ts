import type { Knex } from 'knex';

/**
 * Claims one period (a day, an hour) of a scheduled job, inside the caller's transaction. The
 * first process to insert the row does the work; another process inserting the same row waits
 * for that transaction and then sees the conflict (or, if it rolled back, gets the claim itself).
 * So a period's work commits exactly once, however many servers run the job.
 */
export async function claimPeriod(trx: Knex, job: string, period: string): Promise<boolean> {
  const inserted = await trx('signalering_runs')
    .insert({ job, period })
    .onConflict(['job', 'period'])
    .ignore()
    .returning('job');
  return inserted.length > 0;
}
