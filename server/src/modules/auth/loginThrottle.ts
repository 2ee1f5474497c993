import type { Knex } from 'knex';
import {
  deleteLoginFailures,
  deleteLoginFailuresBefore,
  insertLoginFailure,
  recentLoginFailures,
  type LoginFailureKey,
} from './loginFailureRepository.js';

export interface LoginThrottlePolicy {
  /** Failed logins allowed per username and address within the window. */
  maxFailures: number;
  windowMs: number;
}

export const defaultLoginThrottle: LoginThrottlePolicy = { maxFailures: 5, windowMs: 15 * 60_000 };

/**
 * Slows down password guessing: after `maxFailures` failed logins for one username from one
 * address within the window, further attempts are refused (even with the right password) until
 * the oldest of those failures leaves the window. Keyed on username *and* address, so an attacker
 * cannot lock a colleague out from elsewhere. Unknown usernames are throttled the same way, so
 * the throttle does not reveal which usernames exist.
 */
export class LoginThrottle {
  constructor(private readonly policy: LoginThrottlePolicy) {}

  /** Seconds to wait before the next attempt is allowed, or 0 when it is allowed now. */
  async secondsUntilAllowed(db: Knex, key: LoginFailureKey, now: Date): Promise<number> {
    const { maxFailures, windowMs } = this.policy;
    const failures = await recentLoginFailures(
      db,
      key,
      new Date(now.getTime() - windowMs),
      maxFailures,
    );
    const oldestCounted = failures[maxFailures - 1];
    if (!oldestCounted) return 0;
    return Math.max(1, Math.ceil((oldestCounted.getTime() + windowMs - now.getTime()) / 1000));
  }

  async recordFailure(db: Knex, key: LoginFailureKey, now: Date): Promise<void> {
    await insertLoginFailure(db, key, now);
    // Rows older than the window no longer count for anyone.
    await deleteLoginFailuresBefore(db, new Date(now.getTime() - this.policy.windowMs));
  }

  /** A successful login starts the count afresh. */
  async reset(db: Knex, key: LoginFailureKey): Promise<void> {
    await deleteLoginFailures(db, key);
  }
}
