// @ts-check
/**
 * Local accounts with roles, groups (afdelingen, used as candidate groups), cookie sessions,
 * failed-login records for throttling, and service credentials with their short-lived bearer
 * tokens for job workers. Session and bearer tokens are stored only as SHA-256 hashes, so a
 * leaked table does not hand out working tokens; passwords and secrets as scrypt hashes.
 * @param {import('knex').Knex} knex
 */
export async function up(knex) {
  await knex.schema.createTable('auth_accounts', (t) => {
    t.uuid('id').primary();
    t.string('username', 100).notNullable().unique();
    t.string('display_name', 200).notNullable();
    t.string('email', 320);
    // Null: the account cannot log in with a password (e.g. only through OpenID Connect).
    t.text('password_hash');
    t.specificType('roles', 'text[]').notNullable().defaultTo('{}');
    t.boolean('active').notNullable().defaultTo(true);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  await knex.raw(`
    alter table auth_accounts
      add constraint auth_accounts_username_lowercase check (username = lower(username)),
      add constraint auth_accounts_known_roles
        check (roles <@ array['beheerder', 'behandelaar', 'coordinator', 'manager']::text[])`);

  await knex.schema.createTable('auth_groups', (t) => {
    t.string('code', 100).primary();
    t.string('naam', 200).notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });

  await knex.schema.createTable('auth_group_members', (t) => {
    t.string('group_code', 100).notNullable().references('auth_groups.code').onDelete('CASCADE');
    t.uuid('account_id').notNullable().references('auth_accounts.id').onDelete('CASCADE');
    t.primary(['group_code', 'account_id']);
    t.index(['account_id']);
  });

  await knex.schema.createTable('auth_sessions', (t) => {
    t.string('id', 64).primary(); // SHA-256 (hex) of the cookie token
    t.uuid('account_id').notNullable().references('auth_accounts.id').onDelete('CASCADE');
    t.string('csrf_token', 64).notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('last_seen_at', { useTz: true }).notNullable();
    t.timestamp('expires_at', { useTz: true }).notNullable(); // slides forward while in use
    t.timestamp('absolute_expires_at', { useTz: true }).notNullable(); // never moves
    t.string('ip', 64);
    t.string('user_agent', 500);
    t.index(['account_id']);
    t.index(['expires_at']);
  });

  await knex.schema.createTable('auth_login_failures', (t) => {
    t.bigIncrements('id').primary();
    t.string('username', 100).notNullable();
    t.string('ip', 64).notNullable();
    t.timestamp('attempted_at', { useTz: true }).notNullable();
    t.index(['username', 'ip', 'attempted_at']);
    t.index(['attempted_at']);
  });

  await knex.schema.createTable('auth_service_credentials', (t) => {
    t.string('client_id', 100).primary();
    t.text('secret_hash').notNullable();
    t.specificType('roles', 'text[]').notNullable().defaultTo('{service}');
    t.string('description', 200).notNullable().defaultTo('');
    t.boolean('active').notNullable().defaultTo(true);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  await knex.raw(`
    alter table auth_service_credentials
      add constraint auth_service_credentials_known_roles
        check (roles <@ array['beheerder', 'behandelaar', 'coordinator', 'manager', 'service']::text[])`);

  await knex.schema.createTable('auth_service_tokens', (t) => {
    t.string('id', 64).primary(); // SHA-256 (hex) of the bearer token
    t.string('client_id', 100)
      .notNullable()
      .references('auth_service_credentials.client_id')
      .onDelete('CASCADE');
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('expires_at', { useTz: true }).notNullable();
    t.index(['expires_at']);
  });
}

/** @param {import('knex').Knex} knex */
export async function down(knex) {
  for (const table of [
    'auth_service_tokens',
    'auth_service_credentials',
    'auth_login_failures',
    'auth_sessions',
    'auth_group_members',
    'auth_groups',
    'auth_accounts',
  ]) {
    await knex.schema.dropTableIfExists(table);
  }
}
