// @ts-check
/**
 * Overzicht: the open zaken (a small share of all) per zaaktype, the period filters on received
 * and closed dates, and the heatmap's count of element instances per process definition.
 * @param {import('knex').Knex} knex
 */
export async function up(knex) {
  await knex.raw(
    'create index zaken_open_per_zaaktype on zaken (zaaktype_identificatie) where einddatum is null',
  );
  await knex.schema.alterTable('zaken', (t) => {
    t.index(['registratiedatum']);
    t.index(['einddatum']);
  });
  await knex.schema.alterTable('engine_element_instances', (t) => {
    t.index(['process_definition_key', 'element_id']);
  });
}

/** @param {import('knex').Knex} knex */
export async function down(knex) {
  await knex.schema.alterTable('engine_element_instances', (t) => {
    t.dropIndex(['process_definition_key', 'element_id']);
  });
  await knex.schema.alterTable('zaken', (t) => {
    t.dropIndex(['registratiedatum']);
    t.dropIndex(['einddatum']);
  });
  await knex.raw('drop index zaken_open_per_zaaktype');
}
