// @ts-check
/**
 * Catalogue (zaaktypen and their versions, with statustypen, resultaattypen, roltypen,
 * eigenschappen and informatieobjecttypen as child rows), zaaktype authorisations per group,
 * and the days a beheerder makes equal to feestdagen for deadline computation.
 * Validity periods of published versions must not overlap; the service enforces that under a
 * row lock on the zaaktype, because an exclusion constraint would need btree_gist (absent in PGlite).
 * @param {import('knex').Knex} knex
 */
export async function up(knex) {
  await knex.schema.createTable('calendar_extra_days', (t) => {
    t.date('date').primary();
    t.string('omschrijving', 200).notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });

  await knex.schema.createTable('catalogus_zaaktypen', (t) => {
    t.uuid('id').primary();
    t.string('identificatie', 50).notNullable().unique();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });

  await knex.schema.createTable('catalogus_zaaktype_versies', (t) => {
    t.uuid('id').primary();
    t.uuid('zaaktype_id').notNullable().references('catalogus_zaaktypen.id').onDelete('CASCADE');
    t.integer('versie').notNullable();
    t.string('status', 20).notNullable();
    t.string('omschrijving', 80).notNullable();
    t.text('doel').notNullable();
    t.text('aanleiding').notNullable();
    t.string('onderwerp', 80).notNullable();
    t.string('indicatie_intern_of_extern', 6).notNullable();
    t.string('handeling_initiator', 20).notNullable();
    t.string('handeling_behandelaar', 20).notNullable();
    t.string('doorlooptijd', 40).notNullable();
    t.string('servicenorm', 40);
    t.boolean('opschorting_en_aanhouding_mogelijk').notNullable();
    t.boolean('verlenging_mogelijk').notNullable();
    t.string('verlengingstermijn', 40);
    t.string('vertrouwelijkheidaanduiding', 20).notNullable();
    t.jsonb('trefwoorden').notNullable().defaultTo('[]');
    t.date('versiedatum').notNullable();
    t.date('begin_geldigheid');
    t.date('einde_geldigheid');
    t.string('bpmn_process_id', 255);
    t.integer('process_version');
    t.bigInteger('process_definition_key');
    // Forms for the process's user tasks, keyed by form id: { [formId]: form-js schema }
    t.jsonb('forms').notNullable().defaultTo('{}');
    t.string('created_by', 255);
    t.string('updated_by', 255);
    t.string('published_by', 255);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('published_at', { useTz: true });
    t.unique(['zaaktype_id', 'versie']);
  });
  await knex.raw(`
    alter table catalogus_zaaktype_versies
      add constraint catalogus_versie_status check (status in ('concept', 'published')),
      add constraint catalogus_versie_verlengingstermijn check (verlengingstermijn is null or verlenging_mogelijk),
      add constraint catalogus_versie_geldigheid check (einde_geldigheid is null or einde_geldigheid >= begin_geldigheid),
      add constraint catalogus_versie_published_begin check (status <> 'published' or begin_geldigheid is not null)`);
  // At most one concept per zaaktype: edits happen in one place.
  await knex.raw(
    "create unique index catalogus_one_concept_per_zaaktype on catalogus_zaaktype_versies (zaaktype_id) where status = 'concept'",
  );

  await knex.schema.createTable('catalogus_statustypen', (t) => {
    childColumns(t);
    t.integer('volgnummer').notNullable();
    t.string('omschrijving', 80).notNullable();
    t.text('statustekst').notNullable().defaultTo('');
    t.boolean('informeren').notNullable().defaultTo(false);
    t.unique(['zaaktype_versie_id', 'volgnummer']);
  });
  await knex.schema.createTable('catalogus_resultaattypen', (t) => {
    childColumns(t);
    t.string('omschrijving', 30).notNullable();
    t.string('archiefnominatie', 20).notNullable();
    t.string('archiefactietermijn', 40).notNullable();
    t.string('brondatum_afleidingswijze', 40).notNullable();
    t.string('brondatum_procestermijn', 40);
  });
  await knex.schema.createTable('catalogus_roltypen', (t) => {
    childColumns(t);
    t.string('omschrijving', 100).notNullable();
    t.string('omschrijving_generiek', 20).notNullable();
  });
  await knex.schema.createTable('catalogus_eigenschappen', (t) => {
    childColumns(t);
    t.string('naam', 20).notNullable();
    t.string('definitie', 255).notNullable();
    t.string('formaat', 20).notNullable();
  });
  await knex.schema.createTable('catalogus_informatieobjecttypen', (t) => {
    childColumns(t);
    t.string('omschrijving', 80).notNullable();
    t.string('vertrouwelijkheidaanduiding', 20).notNullable();
  });

  await knex.schema.createTable('zaaktype_authorisations', (t) => {
    t.string('group_code', 100).notNullable();
    t.string('zaaktype_identificatie', 50)
      .notNullable()
      .references('catalogus_zaaktypen.identificatie')
      .onDelete('CASCADE');
    t.string('max_vertrouwelijkheidaanduiding', 20).notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.primary(['group_code', 'zaaktype_identificatie']);
  });
}

/**
 * Columns every catalogue child row has: its own id, the version it belongs to, and its place
 * in the list as the beheerder entered it.
 * @param {import('knex').Knex.CreateTableBuilder} t
 */
function childColumns(t) {
  t.uuid('id').primary();
  t.uuid('zaaktype_versie_id')
    .notNullable()
    .references('catalogus_zaaktype_versies.id')
    .onDelete('CASCADE');
  t.integer('positie').notNullable();
  t.index(['zaaktype_versie_id']);
}

/** @param {import('knex').Knex} knex */
export async function down(knex) {
  for (const table of [
    'zaaktype_authorisations',
    'catalogus_informatieobjecttypen',
    'catalogus_eigenschappen',
    'catalogus_roltypen',
    'catalogus_resultaattypen',
    'catalogus_statustypen',
    'catalogus_zaaktype_versies',
    'catalogus_zaaktypen',
    'calendar_extra_days',
  ]) {
    await knex.schema.dropTableIfExists(table);
  }
}
