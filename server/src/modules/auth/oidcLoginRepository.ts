import type { Knex } from 'knex';

/** A login sent to the identity provider and not yet back: what the callback must check against. */
export interface PendingOidcLogin {
  /** SHA-256 of the cookie token. */
  id: string;
  state: string;
  nonce: string;
  codeVerifier: string;
  /** The app path to open after login. */
  returnTo: string;
  createdAt: Date;
  expiresAt: Date;
}

interface PendingOidcLoginRow {
  id: string;
  state: string;
  nonce: string;
  code_verifier: string;
  return_to: string;
  created_at: Date;
  expires_at: Date;
}

export async function insertPendingOidcLogin(db: Knex, login: PendingOidcLogin): Promise<void> {
  await db('auth_oidc_logins').insert({
    id: login.id,
    state: login.state,
    nonce: login.nonce,
    code_verifier: login.codeVerifier,
    return_to: login.returnTo,
    created_at: login.createdAt,
    expires_at: login.expiresAt,
  });
}

/** Removes and returns the pending login, so a callback can be used only once. */
export async function takePendingOidcLogin(
  db: Knex,
  id: string,
): Promise<PendingOidcLogin | undefined> {
  const [row] = await db('auth_oidc_logins')
    .where({ id })
    .delete()
    .returning<PendingOidcLoginRow[]>('*');
  return (
    row && {
      id: row.id,
      state: row.state,
      nonce: row.nonce,
      codeVerifier: row.code_verifier,
      returnTo: row.return_to,
      createdAt: new Date(row.created_at),
      expiresAt: new Date(row.expires_at),
    }
  );
}

/** Logins abandoned at the provider. */
export async function deletePendingOidcLoginsExpiredBefore(db: Knex, before: Date): Promise<void> {
  await db('auth_oidc_logins').where('expires_at', '<', before).delete();
}
