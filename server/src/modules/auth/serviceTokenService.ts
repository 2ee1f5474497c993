import type { Knex } from 'knex';
import { AuthenticationError } from '../../http/errors.js';
import { recordAudit } from '../audit/auditService.js';
import { hashPassword, verifyPassword } from './passwordHashing.js';
import type { Principal } from './principal.js';
import type { Role } from './roles.js';
import { randomToken, tokenHash } from './secureTokens.js';
import {
  deleteServiceToken,
  deleteServiceTokensExpiredBefore,
  findServiceCredential,
  findServiceToken,
  insertServiceToken,
  upsertServiceCredential,
} from './serviceCredentialRepository.js';

export interface ServiceTokenServiceOptions {
  db: Knex;
  /** Lifetime of a bearer token; workers ask for a new one when it runs out. */
  tokenTtlMs: number;
  now?: () => Date;
}

export interface IssuedToken {
  accessToken: string;
  expiresInSeconds: number;
}

const wrongCredentialsMessage = 'Unknown client or wrong secret';

/** Client-credentials grant for job workers: secret in, short-lived bearer token out. */
export class ServiceTokenService {
  readonly #db: Knex;
  readonly #ttlMs: number;
  readonly #now: () => Date;

  constructor(options: ServiceTokenServiceOptions) {
    this.#db = options.db;
    this.#ttlMs = options.tokenTtlMs;
    this.#now = options.now ?? (() => new Date());
  }

  async issue(request: {
    clientId: string;
    clientSecret: string;
    requestId: string;
    ip: string;
  }): Promise<IssuedToken> {
    const credential = await findServiceCredential(this.#db, request.clientId);
    const secretMatches = credential
      ? await verifyPassword(request.clientSecret, credential.secretHash)
      : false;
    if (!credential || !secretMatches || !credential.active) {
      await recordAudit(this.#db, {
        actor: { type: 'service', id: null, name: request.clientId },
        action: 'auth.token_failed',
        resourceType: 'service_credential',
        resourceId: request.clientId,
        newValue: { ip: request.ip },
        requestId: request.requestId,
      });
      throw new AuthenticationError(wrongCredentialsMessage);
    }
    const now = this.#now();
    const accessToken = randomToken();
    const expiresAt = new Date(now.getTime() + this.#ttlMs);
    await this.#db.transaction(async (trx) => {
      await insertServiceToken(trx, {
        id: tokenHash(accessToken),
        clientId: credential.clientId,
        createdAt: now,
        expiresAt,
      });
      await deleteServiceTokensExpiredBefore(trx, now);
    });
    return { accessToken, expiresInSeconds: Math.floor(this.#ttlMs / 1000) };
  }

  /** The service behind a bearer token; 401 saying what to do when it is unknown or expired. */
  async resolve(token: string): Promise<Principal> {
    const found = await findServiceToken(this.#db, tokenHash(token));
    if (!found || !found.credential.active) {
      throw new AuthenticationError(
        'Unknown or revoked bearer token; request a new one with POST /api/auth/token',
        {
          reason: 'token_unknown',
        },
      );
    }
    if (found.expiresAt.getTime() <= this.#now().getTime()) {
      throw new AuthenticationError(
        'The bearer token has expired; request a new one with POST /api/auth/token',
        {
          reason: 'token_expired',
          expiredAt: found.expiresAt.toISOString(),
        },
      );
    }
    const { clientId, roles, description } = found.credential;
    return {
      kind: 'service',
      id: clientId,
      username: `service:${clientId}`,
      displayName: description || clientId,
      email: null,
      roles,
      groups: [],
      credential: { type: 'bearer', expiresAt: found.expiresAt },
    };
  }

  async revoke(token: string): Promise<void> {
    await deleteServiceToken(this.#db, tokenHash(token));
  }
}

export interface ServiceCredentialSpec {
  clientId: string;
  /** At least 32 characters; from configuration, never from the repository. */
  secret: string;
  roles?: Role[];
  description?: string;
}

/**
 * Makes the credential exist with this secret and these roles (at start-up, from configuration).
 * Leaves the row alone when nothing changed, so restarts with the same secret do not write.
 */
export async function ensureServiceCredential(
  db: Knex,
  spec: ServiceCredentialSpec,
  now = new Date(),
): Promise<void> {
  if (spec.secret.length < 32) {
    throw new Error(
      `The secret for service credential ${spec.clientId} must be at least 32 characters`,
    );
  }
  const roles = spec.roles ?? ['service'];
  const description = spec.description ?? '';
  const existing = await findServiceCredential(db, spec.clientId);
  const unchanged =
    existing?.active &&
    existing.description === description &&
    existing.roles.join(',') === roles.join(',') &&
    (await verifyPassword(spec.secret, existing.secretHash));
  if (unchanged) return;
  const secretHash = await hashPassword(spec.secret);
  await upsertServiceCredential(
    db,
    { clientId: spec.clientId, secretHash, roles, description, active: true },
    now,
  );
}

/** A fresh secret for the embedded default, where the in-process workers get it handed over at start. */
export function generateServiceSecret(): string {
  return randomToken();
}
