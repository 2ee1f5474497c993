// @ts-check
/**
 * Zaken: the zaak itself, its status history, resultaat, rollen, eigenschappen, notities and
 * opschorting periods; the per-year zaaknummer counter; idempotency keys for zaak creation; and
 * the outbox from which process instances are started (no zaak without a process and back).
 * Calendar dates are `date` columns, read back as `::text` so no time zone can shift them.
 * @param {import('knex').Knex} knex
 */
export async function up(knex) {
  await knex.schema.createTable('zaaknummer_counters', (t) => {
    t.integer('jaar').primary();
    t.integer('last_value').notNullable();
  });

  await knex.schema.createTable('zaken', (t) => {
    t.uuid('id').primary();
    t.string('identificatie', 40).notNullable().unique();
    t.string('bronorganisatie', 9).notNullable();
    t.string('zaaktype_identificatie', 50).notNullable();
    t.integer('zaaktype_versie').notNullable();
    t.string('omschrijving', 80).notNullable();
    t.text('toelichting');
    t.date('registratiedatum').notNullable();
    t.date('startdatum').notNullable();
    t.date('einddatum_gepland');
    t.date('uiterlijke_einddatum_afdoening').notNullable();
    t.date('einddatum');
    t.string('vertrouwelijkheidaanduiding', 30).notNullable();
    // Denormalised from zaak_statussen so that search and filters need no lateral join.
    t.string('status_omschrijving', 80);
    t.integer('status_volgnummer');
    t.boolean('opschorting_indicatie').notNullable().defaultTo(false);
    t.text('opschorting_reden');
    t.string('verlenging_duur', 30);
    t.text('verlenging_reden');
    t.date('verlenging_datum');
    t.string('archiefnominatie', 30);
    t.date('archiefactiedatum');
    t.uuid('hoofdzaak_id').references('id').inTable('zaken');
    t.string('betalingsindicatie', 20).notNullable().defaultTo('nvt');
    t.string('process_instance_key', 20);
    t.string('created_by', 255).notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['zaaktype_identificatie']);
    t.index(['uiterlijke_einddatum_afdoening']);
    t.index(['status_omschrijving']);
  });
  await knex.raw(`
    alter table zaken
      add constraint zaken_betalingsindicatie check (betalingsindicatie in ('nvt', 'nog_niet', 'gedeeltelijk', 'geheel')),
      add constraint zaken_archiefnominatie check (archiefnominatie in ('blijvend_bewaren', 'vernietigen'))`);

  await knex.schema.createTable('zaak_statussen', (t) => {
    t.bigIncrements('id').primary();
    t.uuid('zaak_id').notNullable().references('id').inTable('zaken').onDelete('CASCADE');
    t.string('statustype_omschrijving', 80).notNullable();
    t.integer('statustype_volgnummer').notNullable();
    t.timestamp('datum_status_gezet', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.text('toelichting');
    t.string('gezet_door', 255).notNullable();
    t.index(['zaak_id', 'id']);
  });

  // One resultaat per zaak (ZGW); it can be replaced while the zaak is open.
  await knex.schema.createTable('zaak_resultaten', (t) => {
    t.uuid('zaak_id').primary().references('id').inTable('zaken').onDelete('CASCADE');
    t.string('resultaattype_omschrijving', 30).notNullable();
    t.text('toelichting');
    t.string('gezet_door', 255).notNullable();
    t.timestamp('gezet_op', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });

  await knex.schema.createTable('zaak_rollen', (t) => {
    t.uuid('id').primary();
    t.uuid('zaak_id').notNullable().references('id').inTable('zaken').onDelete('CASCADE');
    t.string('roltype_omschrijving', 100).notNullable();
    t.string('omschrijving_generiek', 30).notNullable();
    t.string('betrokkene_type', 30).notNullable();
    t.string('bsn', 9);
    t.string('kvk_nummer', 8);
    t.string('medewerker_username', 255);
    t.string('naam', 200);
    t.string('email', 254);
    t.text('toelichting');
    t.string('created_by', 255).notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['zaak_id']);
    t.index(['medewerker_username']);
  });
  await knex.raw(`
    alter table zaak_rollen
      add constraint zaak_rollen_betrokkene check (
        (betrokkene_type = 'natuurlijk_persoon' and bsn is not null) or
        (betrokkene_type = 'niet_natuurlijk_persoon' and kvk_nummer is not null) or
        (betrokkene_type = 'medewerker' and medewerker_username is not null))`);

  await knex.schema.createTable('zaak_eigenschappen', (t) => {
    t.uuid('zaak_id').notNullable().references('id').inTable('zaken').onDelete('CASCADE');
    t.string('naam', 20).notNullable();
    t.text('waarde').notNullable();
    t.primary(['zaak_id', 'naam']);
  });

  await knex.schema.createTable('zaak_notities', (t) => {
    t.uuid('id').primary();
    t.uuid('zaak_id').notNullable().references('id').inTable('zaken').onDelete('CASCADE');
    t.text('tekst').notNullable();
    t.string('auteur', 255).notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['zaak_id', 'created_at']);
  });

  await knex.schema.createTable('zaak_opschortingen', (t) => {
    t.bigIncrements('id').primary();
    t.uuid('zaak_id').notNullable().references('id').inTable('zaken').onDelete('CASCADE');
    t.date('van').notNullable();
    t.date('tot');
    t.text('reden').notNullable();
    t.index(['zaak_id', 'id']);
  });

  await knex.schema.createTable('zaak_idempotency_keys', (t) => {
    t.string('username', 255).notNullable();
    t.string('key', 255).notNullable();
    t.string('request_hash', 64).notNullable();
    t.integer('response_status');
    t.jsonb('response_body');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.primary(['username', 'key']);
  });

  await knex.schema.createTable('zaak_process_outbox', (t) => {
    t.bigIncrements('id').primary();
    t.uuid('zaak_id').notNullable().unique().references('id').inTable('zaken').onDelete('CASCADE');
    t.string('bpmn_process_id', 255).notNullable();
    t.integer('process_version').notNullable();
    t.jsonb('variables').notNullable();
    t.string('state', 20).notNullable().defaultTo('pending');
    t.integer('attempts').notNullable().defaultTo(0);
    t.timestamp('next_attempt_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.text('last_error');
    t.string('process_instance_key', 20);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('done_at', { useTz: true });
    t.index(['state', 'next_attempt_at']);
  });
  await knex.raw(`
    alter table zaak_process_outbox
      add constraint zaak_process_outbox_state check (state in ('pending', 'starting', 'done'))`);
}

/** @param {import('knex').Knex} knex */
export async function down(knex) {
  for (const table of [
    'zaak_process_outbox',
    'zaak_idempotency_keys',
    'zaak_opschortingen',
    'zaak_notities',
    'zaak_eigenschappen',
    'zaak_rollen',
    'zaak_resultaten',
    'zaak_statussen',
    'zaken',
    'zaaknummer_counters',
  ]) {
    await knex.schema.dropTableIfExists(table);
  }
}
