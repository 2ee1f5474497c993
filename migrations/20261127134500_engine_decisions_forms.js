// @ts-check
/**
 * Embedded engine, deployed DMN and forms next to the processes:
 * - `engine_decision_requirements`: one row per version of a DMN resource (its dmn:definitions);
 *   the XML is kept and read once per server process, like process definitions.
 * - `engine_decisions`: the decisions of each DRG version, versioned per decision id.
 * - `engine_forms`: one row per version of a Camunda form (.form JSON), by form id.
 * - `engine_deleted_resources`: what DeleteResource removed; versions are never handed out twice.
 * @param {import('knex').Knex} knex
 */
export async function up(knex) {
  await knex.schema.createTable('engine_decision_requirements', (t) => {
    t.bigInteger('key').primary();
    t.string('decision_requirements_id').notNullable();
    t.string('name').notNullable();
    t.integer('version').notNullable();
    t.string('resource_name').notNullable();
    t.string('checksum').notNullable();
    t.text('xml').notNullable();
    t.bigInteger('deployment_key').notNullable().references('engine_deployments.key');
    t.string('tenant_id').notNullable().defaultTo('<default>');
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.unique(['tenant_id', 'decision_requirements_id', 'version']);
  });

  await knex.schema.createTable('engine_decisions', (t) => {
    t.bigInteger('key').primary();
    t.string('decision_id').notNullable();
    t.string('name').notNullable();
    t.integer('version').notNullable();
    t.bigInteger('decision_requirements_key').notNullable().references('engine_decision_requirements.key').onDelete('CASCADE');
    t.string('decision_requirements_id').notNullable();
    t.string('tenant_id').notNullable().defaultTo('<default>');
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.unique(['tenant_id', 'decision_id', 'version']);
  });

  await knex.schema.createTable('engine_forms', (t) => {
    t.bigInteger('key').primary();
    t.string('form_id').notNullable();
    t.integer('version').notNullable();
    t.string('resource_name').notNullable();
    t.string('checksum').notNullable();
    t.text('schema').notNullable(); // the .form JSON as deployed
    t.bigInteger('deployment_key').notNullable().references('engine_deployments.key');
    t.string('tenant_id').notNullable().defaultTo('<default>');
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.unique(['tenant_id', 'form_id', 'version']);
  });

  await knex.schema.createTable('engine_deleted_resources', (t) => {
    t.bigInteger('key').primary();
    t.string('resource_type').notNullable(); // PROCESS | DECISION_REQUIREMENTS | DECISION | FORM
    t.string('resource_id').notNullable();
    t.integer('version').notNullable();
    t.string('tenant_id').notNullable().defaultTo('<default>');
    t.timestamp('deleted_at', { useTz: true }).notNullable();
    t.index(['resource_type', 'resource_id', 'tenant_id']);
  });
}

/** @param {import('knex').Knex} knex */
export async function down(knex) {
  for (const table of ['engine_deleted_resources', 'engine_forms', 'engine_decisions', 'engine_decision_requirements']) {
    await knex.schema.dropTableIfExists(table);
  }
}
