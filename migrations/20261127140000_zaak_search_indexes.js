// @ts-check
/**
 * Searching and counting zaken at scale (100,000 and more):
 * - trigram indexes so "contains" searches on zaaknummer and omschrijving need no full scan;
 * - the list's sort orders with their tie-breaker, so a page is read from an index;
 * - the open zaken (a small share of all) per zaaktype, and the period filters of Overzicht;
 * - the heatmap's count of element instances per process definition.
 * @param {import('knex').Knex} knex
 */
export async function up(knex) {
  await knex.raw('create extension if not exists pg_trgm');
  await knex.raw('create index zaken_identificatie_trgm on zaken using gin (identificatie gin_trgm_ops)');
  await knex.raw('create index zaken_omschrijving_trgm on zaken using gin (omschrijving gin_trgm_ops)');
  await knex.raw('create index zaken_open_per_zaaktype on zaken (zaaktype_identificatie) where einddatum is null');
  await knex.schema.alterTable('zaken', (t) => {
    t.index(['registratiedatum', 'identificatie']);
    t.index(['uiterlijke_einddatum_afdoening', 'identificatie']);
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
    t.dropIndex(['registratiedatum', 'identificatie']);
    t.dropIndex(['uiterlijke_einddatum_afdoening', 'identificatie']);
    t.dropIndex(['einddatum']);
  });
  for (const index of ['zaken_open_per_zaaktype', 'zaken_omschrijving_trgm', 'zaken_identificatie_trgm'])
    await knex.raw(`drop index ${index}`);
}
