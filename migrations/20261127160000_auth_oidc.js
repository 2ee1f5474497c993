// @ts-check
/**
 * OpenID Connect login. An account made by an identity provider remembers which one (issuer) and
 * who there (subject): the pair is unique, and such an account has no password. A login in
 * progress keeps its state, nonce and PKCE verifier here, found through the hash of a short-lived
 * httpOnly cookie, so every server behind a load balancer can finish it and each is used once.
 * @param {import('knex').Knex} knex
 */
export async function up(knex) {
  await knex.schema.alterTable('auth_accounts', (t) => {
    t.string('external_issuer', 500);
    t.string('external_subject', 255);
    t.unique(['external_issuer', 'external_subject'], {
      indexName: 'auth_accounts_external_identity',
    });
  });
  await knex.raw(`
    alter table auth_accounts
      add constraint auth_accounts_external_without_password
        check (external_subject is null or password_hash is null)`);

  await knex.schema.createTable('auth_oidc_logins', (t) => {
    t.string('id', 64).primary(); // SHA-256 (hex) of the cookie token
    t.string('state', 100).notNullable();
    t.string('nonce', 100).notNullable();
    t.string('code_verifier', 200).notNullable();
    t.string('return_to', 500).notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('expires_at', { useTz: true }).notNullable();
    t.index(['expires_at']);
  });
}

/** @param {import('knex').Knex} knex */
export async function down(knex) {
  await knex.schema.dropTableIfExists('auth_oidc_logins');
  await knex.raw(
    'alter table auth_accounts drop constraint if exists auth_accounts_external_without_password',
  );
  await knex.schema.alterTable('auth_accounts', (t) => {
    t.dropUnique(['external_issuer', 'external_subject'], 'auth_accounts_external_identity');
    t.dropColumn('external_issuer');
    t.dropColumn('external_subject');
  });
}
