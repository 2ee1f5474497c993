import type { Knex } from 'knex';
import type { AccountRole } from './roles.js';

export interface SessionRecord {
  /** SHA-256 of the cookie token; the token itself is never stored. */
  id: string;
  accountId: string;
  csrfToken: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  absoluteExpiresAt: Date;
  ip: string | null;
  userAgent: string | null;
}

/** A session with the account fields authenticate needs, read in one query. */
export interface SessionWithAccount extends SessionRecord {
  account: {
    username: string;
    displayName: string;
    email: string | null;
    roles: AccountRole[];
    active: boolean;
  };
}

interface SessionRow {
  id: string;
  account_id: string;
  csrf_token: string;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
  absolute_expires_at: Date;
  ip: string | null;
  user_agent: string | null;
}

interface SessionAccountRow extends SessionRow {
  username: string;
  display_name: string;
  email: string | null;
  roles: AccountRole[];
  active: boolean;
}

export async function insertSession(db: Knex, session: SessionRecord): Promise<void> {
  await db('auth_sessions').insert({
    id: session.id,
    account_id: session.accountId,
    csrf_token: session.csrfToken,
    created_at: session.createdAt,
    last_seen_at: session.lastSeenAt,
    expires_at: session.expiresAt,
    absolute_expires_at: session.absoluteExpiresAt,
    ip: session.ip,
    user_agent: session.userAgent,
  });
}

export async function findSessionWithAccount(
  db: Knex,
  id: string,
): Promise<SessionWithAccount | undefined> {
  const row = await db('auth_sessions as s')
    .join('auth_accounts as a', 'a.id', 's.account_id')
    .where('s.id', id)
    .first<SessionAccountRow | undefined>(
      's.*',
      'a.username',
      'a.display_name',
      'a.email',
      'a.roles',
      'a.active',
    );
  if (!row) return undefined;
  return {
    id: row.id,
    accountId: row.account_id,
    csrfToken: row.csrf_token,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    expiresAt: row.expires_at,
    absoluteExpiresAt: row.absolute_expires_at,
    ip: row.ip,
    userAgent: row.user_agent,
    account: {
      username: row.username,
      displayName: row.display_name,
      email: row.email,
      roles: row.roles,
      active: row.active,
    },
  };
}

export async function touchSession(
  db: Knex,
  id: string,
  lastSeenAt: Date,
  expiresAt: Date,
): Promise<void> {
  await db('auth_sessions')
    .where({ id })
    .update({ last_seen_at: lastSeenAt, expires_at: expiresAt });
}

export async function deleteSession(db: Knex, id: string): Promise<void> {
  await db('auth_sessions').where({ id }).delete();
}

export async function deleteSessionsExpiredBefore(db: Knex, cutoff: Date): Promise<void> {
  await db('auth_sessions').where('expires_at', '<', cutoff).delete();
}
