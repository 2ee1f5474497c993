import type { Knex } from 'knex';
import { AuthenticationError } from '../../http/errors.js';
import { recordAudit } from '../audit/auditService.js';
import {
  findAccountByUsername,
  groupsOfAccount,
  listGroups,
  updatePasswordHash,
  type AccountRecord,
} from './accountRepository.js';
import { defaultLoginThrottle, LoginThrottle, type LoginThrottlePolicy } from './loginThrottle.js';
import { hashPassword, needsRehash, verifyPassword } from './passwordHashing.js';
import type { GroupRef, Principal } from './principal.js';
import { SessionStore, type SessionPolicy } from './sessionStore.js';
import { TooManyRequestsError } from './tooManyRequests.js';

export interface AuthServiceOptions {
  db: Knex;
  sessions: SessionPolicy;
  loginThrottle?: LoginThrottlePolicy;
  now?: () => Date;
}

export interface LoginRequest {
  username: string;
  password: string;
  ip: string;
  userAgent: string | null;
  requestId: string;
}

export interface LoginResult {
  principal: Principal;
  /** The cookie value; only its hash is stored. */
  sessionToken: string;
  maxAgeMs: number;
}

/** One message for an unknown user, a wrong password and a disabled account: no username enumeration. */
export const loginFailedMessage = 'Unknown username or wrong password';

/** Local accounts: login with throttling, logout, and the session behind a cookie. */
export class AuthService {
  readonly #db: Knex;
  readonly #throttle: LoginThrottle;
  readonly #now: () => Date;
  readonly sessions: SessionStore;
  /** Compared against when the username is unknown, so that case takes as long as a wrong password. */
  #dummyHash: Promise<string> | undefined;

  constructor(options: AuthServiceOptions) {
    this.#db = options.db;
    this.#now = options.now ?? (() => new Date());
    this.#throttle = new LoginThrottle(options.loginThrottle ?? defaultLoginThrottle);
    this.sessions = new SessionStore(options.db, options.sessions, this.#now);
  }

  async login(request: LoginRequest): Promise<LoginResult> {
    const username = normaliseUsername(request.username);
    const key = { username, ip: request.ip };
    const now = this.#now();
    const waitSeconds = await this.#throttle.secondsUntilAllowed(this.#db, key, now);
    if (waitSeconds > 0) {
      await this.#auditAttempt('auth.login_throttled', request, username, {
        retryAfterSeconds: waitSeconds,
      });
      throw new TooManyRequestsError(
        `Too many failed logins for this username from your address; try again in ${describeWait(waitSeconds)}`,
        waitSeconds,
      );
    }

    // Password checks run outside any transaction: scrypt takes ~150 ms and PGlite has one connection.
    const account = await findAccountByUsername(this.#db, username);
    const failure = await this.#checkPassword(account, request.password);
    if (failure || !account) {
      await this.#db.transaction(async (trx) => {
        await this.#throttle.recordFailure(trx, key, now);
        await this.#auditAttempt('auth.login_failed', request, username, { reason: failure }, trx);
      });
      throw new AuthenticationError(loginFailedMessage);
    }

    const rehashed =
      account.passwordHash && needsRehash(account.passwordHash)
        ? await hashPassword(request.password)
        : undefined;
    return this.#db.transaction(async (trx) => {
      await this.#throttle.reset(trx, key);
      if (rehashed) await updatePasswordHash(trx, account.id, rehashed, now);
      return this.openSession(trx, account, request);
    });
  }

  /**
   * A new session for an account whose identity is proven (password, or an identity provider),
   * with the `auth.login` audit entry; `details` says how (e.g. `{ method: 'oidc' }`).
   */
  async openSession(
    trx: Knex,
    account: Pick<AccountRecord, 'id' | 'username' | 'displayName' | 'email' | 'roles'>,
    request: { ip: string; userAgent: string | null; requestId: string },
    details: Record<string, unknown> = {},
  ): Promise<LoginResult> {
    const now = this.#now();
    const session = await this.sessions.create(trx, account.id, request);
    await recordAudit(trx, {
      actor: { type: 'user', id: account.id, name: account.username },
      action: 'auth.login',
      resourceType: 'account',
      resourceId: account.id,
      newValue: { ip: request.ip, userAgent: request.userAgent, ...details },
      requestId: request.requestId,
    });
    const groups = await groupsOfAccount(trx, account.id);
    const principal: Principal = {
      kind: 'user',
      id: account.id,
      username: account.username,
      displayName: account.displayName,
      email: account.email,
      roles: account.roles,
      groups,
      credential: {
        type: 'session',
        sessionId: session.id,
        csrfToken: session.csrfToken,
        expiresAt: session.expiresAt,
      },
    };
    return {
      principal,
      sessionToken: session.token,
      maxAgeMs: session.expiresAt.getTime() - now.getTime(),
    };
  }

  /** Ends the session behind the cookie; the token is useless afterwards. */
  async logout(principal: Principal, requestId: string): Promise<void> {
    if (principal.credential.type !== 'session') return;
    const { sessionId } = principal.credential;
    await this.#db.transaction(async (trx) => {
      await this.sessions.delete(trx, sessionId);
      await recordAudit(trx, {
        actor: { type: 'user', id: principal.id, name: principal.username },
        action: 'auth.logout',
        resourceType: 'account',
        resourceId: principal.id,
        requestId,
      });
    });
  }

  /** All groups (afdelingen), e.g. to choose candidate groups in the modeler. */
  async listGroups(): Promise<GroupRef[]> {
    return listGroups(this.#db);
  }

  /** Undefined when the password is right; else why not (for the audit trail only, never for the caller). */
  async #checkPassword(
    account: AccountRecord | undefined,
    password: string,
  ): Promise<string | undefined> {
    if (!account?.passwordHash) {
      await verifyPassword(password, await (this.#dummyHash ??= hashPassword('not a password')));
      return account ? 'no_password' : 'unknown_username';
    }
    const matches = await verifyPassword(password, account.passwordHash);
    if (!matches) return 'wrong_password';
    return account.active ? undefined : 'account_inactive';
  }

  async #auditAttempt(
    action: string,
    request: LoginRequest,
    username: string,
    details: Record<string, unknown>,
    trx: Knex = this.#db,
  ): Promise<void> {
    await recordAudit(trx, {
      actor: { type: 'user', id: null, name: username },
      action,
      resourceType: 'login',
      resourceId: username,
      newValue: { ip: request.ip, userAgent: request.userAgent, ...details },
      requestId: request.requestId,
    });
  }
}

/** Usernames are case-insensitive: stored and compared in lower case. */
export function normaliseUsername(username: string): string {
  return username.trim().toLowerCase();
}

function describeWait(seconds: number): string {
  const minutes = Math.ceil(seconds / 60);
  return seconds < 60 ? `${seconds} seconds` : `${minutes} minute${minutes === 1 ? '' : 's'}`;
}
