import type { Knex } from 'knex';
import { recordAudit } from '../audit/auditService.js';
import { listGroups } from './accountRepository.js';
import type { AuthService, LoginResult } from './authService.js';
import {
  findExternalAccount,
  insertExternalAccount,
  isExternalAccountOf,
  replaceGroupMemberships,
  updateExternalAccount,
  usernameTaken,
  type ExternalAccount,
} from './externalAccountRepository.js';
import { identityFromClaims, type ExternalIdentity } from './oidcClaims.js';
import {
  deletePendingOidcLoginsExpiredBefore,
  insertPendingOidcLogin,
  takePendingOidcLogin,
} from './oidcLoginRepository.js';
import { OidcRelyingParty } from './oidcRelyingParty.js';
import type { Principal } from './principal.js';
import { randomToken, sameSecret, tokenHash } from './secureTokens.js';

/**
 * Why an OpenID Connect login failed. The code goes to the login page (`/inloggen?fout=…`),
 * which shows the Dutch text for it; the reason and detail go to the audit trail only.
 */
export const oidcFailureCodes = [
  'oidc_verlopen', // no pending login for this browser, or it expired, or the state differs
  'oidc_geweigerd', // the provider answered with an error (e.g. the user cancelled)
  'oidc_mislukt', // code exchange or token validation failed, or the provider is unreachable
  'oidc_geen_rol', // none of our roles in the roles claim
  'oidc_naam_bezet', // the username belongs to another account
  'oidc_uitgeschakeld', // the account is disabled here
] as const;
export type OidcFailureCode = (typeof oidcFailureCodes)[number];

export class OidcLoginError extends Error {
  override name = 'OidcLoginError';
  constructor(
    readonly code: OidcFailureCode,
    readonly reason: string,
    readonly username?: string,
  ) {
    super(`${code}: ${reason}`);
  }
}

export interface OidcClient {
  ip: string;
  userAgent: string | null;
  requestId: string;
}

/** How long someone may take at the provider's login page. */
export const pendingLoginTtlMs = 10 * 60_000;

/** Login through an OpenID Connect provider: authorization code flow with PKCE, state and nonce. */
export class OidcLoginService {
  readonly #db: Knex;
  readonly #authService: AuthService;
  readonly #now: () => Date;
  readonly relyingParty: OidcRelyingParty;

  constructor(options: {
    db: Knex;
    authService: AuthService;
    relyingParty: OidcRelyingParty;
    now?: () => Date;
  }) {
    this.#db = options.db;
    this.#authService = options.authService;
    this.relyingParty = options.relyingParty;
    this.#now = options.now ?? (() => new Date());
  }

  /**
   * Remembers the checks behind a new cookie token and returns where to send the browser; an
   * OidcLoginError (audited) when the provider's metadata cannot be had.
   */
  async start(
    returnTo: string,
    client: OidcClient,
  ): Promise<{ cookieToken: string; redirectTo: URL }> {
    const checks = OidcRelyingParty.newChecks();
    const redirectTo = await this.relyingParty.authorizationUrl(checks).catch(async (error) => {
      const failure = new OidcLoginError(
        'oidc_mislukt',
        `provider_unavailable: ${messageOf(error)}`,
      );
      await this.#auditFailure(failure, client);
      throw failure;
    });
    const cookieToken = randomToken();
    const now = this.#now();
    await deletePendingOidcLoginsExpiredBefore(this.#db, now);
    await insertPendingOidcLogin(this.#db, {
      id: tokenHash(cookieToken),
      ...checks,
      returnTo,
      createdAt: now,
      expiresAt: new Date(now.getTime() + pendingLoginTtlMs),
    });
    return { cookieToken, redirectTo };
  }

  /** Finishes the login at the callback; an OidcLoginError (audited) when it cannot. */
  async finish(request: {
    cookieToken: string | undefined;
    query: URLSearchParams;
    client: OidcClient;
  }): Promise<LoginResult & { returnTo: string }> {
    try {
      const pending = request.cookieToken
        ? await takePendingOidcLogin(this.#db, tokenHash(request.cookieToken))
        : undefined;
      if (!pending) throw new OidcLoginError('oidc_verlopen', 'no_pending_login');
      if (pending.expiresAt.getTime() <= this.#now().getTime())
        throw new OidcLoginError('oidc_verlopen', 'pending_login_expired');
      if (!sameSecret(request.query.get('state') ?? '', pending.state))
        throw new OidcLoginError('oidc_verlopen', 'state_mismatch');
      const providerError = request.query.get('error');
      if (providerError) {
        const description = request.query.get('error_description');
        throw new OidcLoginError(
          'oidc_geweigerd',
          `provider_error: ${providerError}${description ? ` (${description})` : ''}`.slice(0, 500),
        );
      }
      const claims = await this.relyingParty
        .claimsOf(request.query.toString(), pending)
        .catch((error: unknown) => {
          throw new OidcLoginError('oidc_mislukt', `token_exchange_failed: ${messageOf(error)}`);
        });
      const knownGroups = (await listGroups(this.#db)).map((group) => group.code);
      const identity = identityFromClaims(claims, this.relyingParty.settings, knownGroups);
      const result = await this.#db.transaction(async (trx) => {
        const account = await this.#upsertAccount(trx, identity);
        return this.#authService.openSession(trx, account, request.client, {
          method: 'oidc',
          issuer: this.relyingParty.settings.issuer,
          roles: identity.roles,
          groups: identity.groups,
        });
      });
      return { ...result, returnTo: pending.returnTo };
    } catch (error) {
      const failure =
        error instanceof OidcLoginError
          ? error
          : new OidcLoginError('oidc_mislukt', `unexpected: ${messageOf(error)}`);
      await this.#auditFailure(failure, request.client);
      throw failure;
    }
  }

  /** The provider's logout page for a person who logged in there; undefined for local accounts. */
  async endSessionUrlFor(principal: Principal): Promise<string | undefined> {
    if (principal.kind !== 'user' || principal.credential.type !== 'session') return undefined;
    const { issuer, postLogoutRedirectUri } = this.relyingParty.settings;
    if (!(await isExternalAccountOf(this.#db, principal.id, issuer))) return undefined;
    return (await this.relyingParty.endSessionUrl(postLogoutRedirectUri()))?.href;
  }

  /** Creates the account at first login; later logins refresh name, e-mail, roles and groups. */
  async #upsertAccount(trx: Knex, identity: ExternalIdentity): Promise<ExternalAccount> {
    const issuer = this.relyingParty.settings.issuer;
    if (identity.roles.length === 0)
      throw new OidcLoginError('oidc_geen_rol', 'no_known_role', identity.username);
    const now = this.#now();
    let account = await findExternalAccount(trx, issuer, identity.subject);
    if (account && !account.active)
      throw new OidcLoginError('oidc_uitgeschakeld', 'account_inactive', account.username);
    if (account) {
      // The username stays: tasks and audit entries refer to it.
      const { displayName, email, roles } = identity;
      await updateExternalAccount(trx, account.id, { displayName, email, roles }, now);
      account = { ...account, displayName, email, roles };
    } else {
      if (await usernameTaken(trx, identity.username))
        throw new OidcLoginError('oidc_naam_bezet', 'username_taken', identity.username);
      account = await insertExternalAccount(trx, newAccountOf(identity, issuer), now);
    }
    await replaceGroupMemberships(trx, account.id, identity.groups);
    return account;
  }

  async #auditFailure(failure: OidcLoginError, client: OidcClient): Promise<void> {
    const name = failure.username ?? 'unknown';
    await recordAudit(this.#db, {
      actor: { type: 'user', id: null, name },
      action: 'auth.login_failed',
      resourceType: 'login',
      resourceId: name,
      newValue: {
        ip: client.ip,
        userAgent: client.userAgent,
        method: 'oidc',
        code: failure.code,
        reason: failure.reason,
      },
      requestId: client.requestId,
    });
  }
}

function newAccountOf(identity: ExternalIdentity, issuer: string) {
  const { subject, username, displayName, email, roles } = identity;
  return { issuer, subject, username, displayName, email, roles };
}

function messageOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 300);
}
