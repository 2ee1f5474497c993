import type { Knex } from 'knex';

/** Failed logins per username and client address, kept only as long as the throttle window needs them. */
export interface LoginFailureKey {
  username: string;
  ip: string;
}

export async function insertLoginFailure(db: Knex, key: LoginFailureKey, at: Date): Promise<void> {
  await db('auth_login_failures').insert({ username: key.username, ip: key.ip, attempted_at: at });
}

/** Times of the most recent failures since `since`, newest first, at most `limit`. */
export async function recentLoginFailures(
  db: Knex,
  key: LoginFailureKey,
  since: Date,
  limit: number,
): Promise<Date[]> {
  const rows = await db('auth_login_failures')
    .where({ username: key.username, ip: key.ip })
    .where('attempted_at', '>', since)
    .orderBy('attempted_at', 'desc')
    .limit(limit)
    .select<{ attempted_at: Date }[]>('attempted_at');
  return rows.map((row) => row.attempted_at);
}

export async function deleteLoginFailures(db: Knex, key: LoginFailureKey): Promise<void> {
  await db('auth_login_failures').where({ username: key.username, ip: key.ip }).delete();
}

export async function deleteLoginFailuresBefore(db: Knex, cutoff: Date): Promise<void> {
  await db('auth_login_failures').where('attempted_at', '<=', cutoff).delete();
}
