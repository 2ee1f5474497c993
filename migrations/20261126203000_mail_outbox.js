// @ts-check
/**
 * Mail that the notificatie.email worker could not hand to an SMTP server because none is
 * configured (the embedded default): kept here so beheerders can see what would have been sent.
 * @param {import('knex').Knex} knex
 */
export async function up(knex) {
  await knex.schema.createTable('mail_outbox', (t) => {
    t.uuid('id').primary();
    t.string('idempotency_key').unique();
    t.specificType('recipients', 'text[]').notNullable();
    t.string('subject').notNullable();
    t.text('html').notNullable();
    t.text('text');
    t.string('created_by').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
}

/** @param {import('knex').Knex} knex */
export async function down(knex) {
  await knex.schema.dropTableIfExists('mail_outbox');
}
