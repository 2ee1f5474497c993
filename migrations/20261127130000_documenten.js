// @ts-check
/**
 * Documenten: metadata of the documents of a zaak (the content lives on disk under
 * DATA_DIR/documenten, named by its sha256). Deleting is soft: the row keeps who, when and why.
 * An uploader's Idempotency-Key (a job worker's job key) makes a retried upload a no-op.
 * @param {import('knex').Knex} knex
 */
export async function up(knex) {
  await knex.schema.createTable('documenten', (t) => {
    t.uuid('id').primary();
    t.uuid('zaak_id').notNullable().references('id').inTable('zaken').onDelete('CASCADE');
    t.string('titel', 200).notNullable();
    t.string('informatieobjecttype', 80).notNullable();
    t.string('vertrouwelijkheidaanduiding', 30).notNullable();
    t.string('auteur', 200).notNullable();
    t.string('bestandsnaam', 255).notNullable();
    t.string('formaat', 100).notNullable();
    t.bigInteger('bestandsomvang').notNullable();
    t.string('sha256', 64).notNullable();
    t.string('created_by', 255).notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.string('idempotency_key', 255);
    t.timestamp('deleted_at', { useTz: true });
    t.string('deleted_by', 255);
    t.text('verwijder_reden');
    t.index(['zaak_id', 'created_at']);
    t.unique(['created_by', 'idempotency_key']);
  });
}

/** @param {import('knex').Knex} knex */
export async function down(knex) {
  await knex.schema.dropTableIfExists('documenten');
}
