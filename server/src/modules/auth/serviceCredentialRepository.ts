import type { Knex } from 'knex';
import type { Role } from './roles.js';

export interface ServiceCredentialRecord {
  clientId: string;
  secretHash: string;
  roles: Role[];
  description: string;
  active: boolean;
}

interface CredentialRow {
  client_id: string;
  secret_hash: string;
  roles: Role[];
  description: string;
  active: boolean;
}

type TokenRow = Omit<CredentialRow, 'secret_hash'> & { id: string; expires_at: Date };

export interface ServiceTokenWithCredential {
  /** SHA-256 of the bearer token. */
  id: string;
  expiresAt: Date;
  credential: Omit<ServiceCredentialRecord, 'secretHash'>;
}

export async function findServiceCredential(
  db: Knex,
  clientId: string,
): Promise<ServiceCredentialRecord | undefined> {
  const row = await db('auth_service_credentials')
    .where({ client_id: clientId })
    .first<CredentialRow | undefined>();
  return (
    row && {
      clientId: row.client_id,
      secretHash: row.secret_hash,
      roles: row.roles,
      description: row.description,
      active: row.active,
    }
  );
}

/** Creates the credential or replaces its secret, roles and description. */
export async function upsertServiceCredential(
  db: Knex,
  credential: ServiceCredentialRecord,
  at: Date,
): Promise<void> {
  const values = {
    secret_hash: credential.secretHash,
    roles: credential.roles,
    description: credential.description,
    active: credential.active,
    updated_at: at,
  };
  await db('auth_service_credentials')
    .insert({ client_id: credential.clientId, ...values })
    .onConflict('client_id')
    .merge(values);
}

export async function insertServiceToken(
  db: Knex,
  token: { id: string; clientId: string; createdAt: Date; expiresAt: Date },
): Promise<void> {
  await db('auth_service_tokens').insert({
    id: token.id,
    client_id: token.clientId,
    created_at: token.createdAt,
    expires_at: token.expiresAt,
  });
}

export async function findServiceToken(
  db: Knex,
  id: string,
): Promise<ServiceTokenWithCredential | undefined> {
  const row = await db('auth_service_tokens as t')
    .join('auth_service_credentials as c', 'c.client_id', 't.client_id')
    .where('t.id', id)
    .first<TokenRow | undefined>(
      't.id',
      't.expires_at',
      'c.client_id',
      'c.roles',
      'c.description',
      'c.active',
    );
  if (!row) return undefined;
  return {
    id: row.id,
    expiresAt: row.expires_at,
    credential: {
      clientId: row.client_id,
      roles: row.roles,
      description: row.description,
      active: row.active,
    },
  };
}

export async function deleteServiceToken(db: Knex, id: string): Promise<void> {
  await db('auth_service_tokens').where({ id }).delete();
}

export async function deleteServiceTokensExpiredBefore(db: Knex, cutoff: Date): Promise<void> {
  await db('auth_service_tokens').where('expires_at', '<', cutoff).delete();
}
