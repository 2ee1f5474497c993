// @ts-check
/**
 * Proefrun (a beheerder's test run of a zaaktype version): its zaken and their tasks are flagged, so
 * no list, figure, signalering, notificatie or citizen page counts them. A proefrun zaak carries the
 * starter (only they may see and work it) and a number from its own sequence (`PROEF-<zaaktype>-<n>`,
 * longer than a zaaknummer), so the real zaaknummers keep their unbroken series.
 * @param {import('knex').Knex} knex
 */
export async function up(knex) {
  await knex.schema.alterTable('zaken', (t) => {
    t.boolean('proefrun').notNullable().defaultTo(false);
    t.string('proefrun_gestart_door', 255);
    t.string('identificatie', 80).notNullable().alter();
  });
  await knex.raw('create index zaken_proefrun on zaken (zaaktype_identificatie, zaaktype_versie) where proefrun');
  await knex.raw('create sequence proefrun_nummers');
  await knex.schema.alterTable('taken', (t) => {
    t.boolean('proefrun').notNullable().defaultTo(false);
  });
}

/** @param {import('knex').Knex} knex */
export async function down(knex) {
  await knex('taken').where('proefrun', true).delete();
  await knex('zaken').where('proefrun', true).delete();
  await knex.schema.alterTable('taken', (t) => {
    t.dropColumn('proefrun');
  });
  await knex.raw('drop sequence proefrun_nummers');
  await knex.raw('drop index zaken_proefrun');
  await knex.schema.alterTable('zaken', (t) => {
    t.string('identificatie', 40).notNullable().alter();
    t.dropColumn('proefrun_gestart_door');
    t.dropColumn('proefrun');
  });
}
