import type { Knex } from 'knex';
import { AuthenticationError } from '../../http/errors.js';
import { groupsOfAccount } from './accountRepository.js';
import type { Principal } from './principal.js';
import { randomToken, tokenHash } from './secureTokens.js';
import {
  deleteSession,
  deleteSessionsExpiredBefore,
  findSessionWithAccount,
  insertSession,
  touchSession,
} from './sessionRepository.js';

export interface SessionPolicy {
  /** Idle time-out: each use moves the expiry this far ahead (sliding expiry). */
  ttlMs: number;
  /** Hard limit from login, however active the session is. */
  maxLifetimeMs: number;
}

export interface ResolvedSession {
  principal: Principal;
  /** Set when the expiry moved, so the cookie's Max-Age is renewed with it. */
  renewedMaxAgeMs: number | undefined;
}

/** Expired sessions are kept this long so a late request hears "expired" rather than "unknown". */
const keepExpiredMs = 7 * 24 * 60 * 60_000;

export class SessionStore {
  constructor(
    private readonly db: Knex,
    private readonly policy: SessionPolicy,
    private readonly now: () => Date,
  ) {}

  async create(
    trx: Knex,
    accountId: string,
    client: { ip: string; userAgent: string | null },
  ): Promise<{ id: string; token: string; csrfToken: string; expiresAt: Date }> {
    const now = this.now();
    const token = randomToken();
    const absoluteExpiresAt = new Date(now.getTime() + this.policy.maxLifetimeMs);
    const session = {
      id: tokenHash(token),
      accountId,
      csrfToken: randomToken(),
      createdAt: now,
      lastSeenAt: now,
      expiresAt: this.#slidingExpiry(now, absoluteExpiresAt),
      absoluteExpiresAt,
      ip: client.ip,
      userAgent: client.userAgent?.slice(0, 500) ?? null,
    };
    await insertSession(trx, session);
    await deleteSessionsExpiredBefore(trx, new Date(now.getTime() - keepExpiredMs));
    return { id: session.id, token, csrfToken: session.csrfToken, expiresAt: session.expiresAt };
  }

  /** The principal behind a cookie token; 401 with the reason when it is unknown, expired or disabled. */
  async resolve(token: string): Promise<ResolvedSession> {
    const now = this.now();
    const session = await findSessionWithAccount(this.db, tokenHash(token));
    if (!session) {
      throw new AuthenticationError(
        'Your session is no longer valid (logged out or ended); log in again',
        {
          reason: 'session_unknown',
        },
      );
    }
    if (session.expiresAt.getTime() <= now.getTime()) {
      throw new AuthenticationError('Your session has expired; log in again', {
        reason: 'session_expired',
        expiredAt: session.expiresAt.toISOString(),
      });
    }
    if (!session.account.active) {
      await deleteSession(this.db, session.id);
      throw new AuthenticationError('This account has been disabled; ask a beheerder', {
        reason: 'account_inactive',
      });
    }

    let expiresAt = session.expiresAt;
    let renewedMaxAgeMs: number | undefined;
    // Writing on every request would turn each read into a write; once per interval is enough.
    if (now.getTime() - session.lastSeenAt.getTime() >= this.#touchIntervalMs()) {
      expiresAt = this.#slidingExpiry(now, session.absoluteExpiresAt);
      await touchSession(this.db, session.id, now, expiresAt);
      renewedMaxAgeMs = expiresAt.getTime() - now.getTime();
    }
    const principal: Principal = {
      kind: 'user',
      id: session.accountId,
      username: session.account.username,
      displayName: session.account.displayName,
      email: session.account.email,
      roles: session.account.roles,
      groups: await groupsOfAccount(this.db, session.accountId),
      credential: {
        type: 'session',
        sessionId: session.id,
        csrfToken: session.csrfToken,
        expiresAt,
      },
    };
    return { principal, renewedMaxAgeMs };
  }

  async delete(trx: Knex, sessionId: string): Promise<void> {
    await deleteSession(trx, sessionId);
  }

  #slidingExpiry(now: Date, absoluteExpiresAt: Date): Date {
    return new Date(Math.min(now.getTime() + this.policy.ttlMs, absoluteExpiresAt.getTime()));
  }

  #touchIntervalMs(): number {
    return Math.min(60_000, this.policy.ttlMs / 10);
  }
}
