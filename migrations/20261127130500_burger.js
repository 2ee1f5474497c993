// @ts-check
/**
 * Burger (citizen) transparency: status-page links and information requests.
 * A link's token is never stored, only its sha256; revoking sets revoked_at.
 * An information request is answered once (status open → beantwoord), so a double submit is a no-op.
 * @param {import('knex').Knex} knex
 */
export async function up(knex) {
  await knex.schema.createTable('burger_statuslinks', (t) => {
    t.uuid('id').primary();
    t.uuid('zaak_id').notNullable().references('id').inTable('zaken').onDelete('CASCADE');
    t.string('token_hash', 64).notNullable().unique();
    t.string('email', 254).notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.string('created_by', 255).notNullable();
    t.timestamp('expires_at', { useTz: true }).notNullable();
    t.timestamp('revoked_at', { useTz: true });
    t.string('revoked_by', 255);
    t.index(['zaak_id']);
  });
  await knex.schema.createTable('burger_informatieverzoeken', (t) => {
    t.uuid('id').primary();
    t.uuid('zaak_id').notNullable().references('id').inTable('zaken').onDelete('CASCADE');
    t.text('omschrijving').notNullable();
    t.string('bericht_naam', 255).notNullable();
    t.string('correlatie_sleutel', 255).notNullable();
    t.date('uiterlijke_datum');
    t.string('status', 20).notNullable().defaultTo('open');
    t.uuid('document_id');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.string('created_by', 255).notNullable();
    t.string('idempotency_key', 255);
    t.timestamp('beantwoord_at', { useTz: true });
    t.index(['zaak_id', 'status']);
    t.unique(['created_by', 'idempotency_key']);
  });
}

/** @param {import('knex').Knex} knex */
export async function down(knex) {
  await knex.schema.dropTableIfExists('burger_informatieverzoeken');
  await knex.schema.dropTableIfExists('burger_statuslinks');
}
