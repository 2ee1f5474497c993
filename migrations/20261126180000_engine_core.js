// @ts-check
/**
 * Embedded engine, core state: deployments, process definitions, element instances (the process
 * instance itself is the element instance of type PROCESS), variables, jobs, incidents and the
 * append-only record log. Keys are Zeebe-style int64 (partition 1: 2^51 + counter).
 * @param {import('knex').Knex} knex
 */
export async function up(knex) {
  // Keys are handed out in blocks of 1000 by each server process (see engine/state/keyGenerator).
  await knex.raw('create sequence engine_key_block_seq start with 1 increment by 1');

  await knex.schema.createTable('engine_deployments', (t) => {
    t.bigInteger('key').primary();
    t.string('tenant_id').notNullable().defaultTo('<default>');
    t.timestamp('created_at', { useTz: true }).notNullable();
  });

  await knex.schema.createTable('engine_process_definitions', (t) => {
    t.bigInteger('key').primary();
    t.string('bpmn_process_id').notNullable();
    t.integer('version').notNullable();
    t.string('name');
    t.string('resource_name').notNullable();
    t.string('checksum').notNullable();
    t.text('xml').notNullable();
    t.bigInteger('deployment_key').notNullable().references('engine_deployments.key');
    t.string('tenant_id').notNullable().defaultTo('<default>');
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.unique(['tenant_id', 'bpmn_process_id', 'version']);
  });

  await knex.schema.createTable('engine_element_instances', (t) => {
    t.bigInteger('key').primary();
    t.bigInteger('process_instance_key').notNullable();
    t.bigInteger('flow_scope_key');
    t.string('element_id').notNullable();
    t.string('element_name');
    t.string('element_type').notNullable();
    t.string('state').notNullable();
    t.bigInteger('process_definition_key').notNullable();
    t.string('bpmn_process_id').notNullable();
    t.integer('version').notNullable();
    t.string('tenant_id').notNullable().defaultTo('<default>');
    t.bigInteger('parent_process_instance_key');
    t.bigInteger('parent_element_instance_key');
    t.bigInteger('incident_key');
    // Per-scope bookkeeping for joining gateways and multi-instance: { takenFlows: {...}, ... }
    t.jsonb('runtime').notNullable().defaultTo('{}');
    t.timestamp('start_date', { useTz: true }).notNullable();
    t.timestamp('end_date', { useTz: true });
    t.index(['process_instance_key']);
    t.index(['element_type', 'state']);
  });

  await knex.schema.createTable('engine_variables', (t) => {
    t.bigInteger('key').primary();
    t.bigInteger('scope_key').notNullable();
    t.bigInteger('process_instance_key').notNullable();
    t.string('name').notNullable();
    t.text('value').notNullable(); // JSON text, exactly as Zeebe stores it
    t.string('tenant_id').notNullable().defaultTo('<default>');
    t.unique(['scope_key', 'name']);
    t.index(['process_instance_key']);
  });

  await knex.schema.createTable('engine_jobs', (t) => {
    t.bigInteger('key').primary();
    t.string('type').notNullable();
    t.string('state').notNullable();
    t.integer('retries').notNullable();
    t.string('worker');
    t.timestamp('deadline', { useTz: true });
    t.timestamp('retry_backoff_until', { useTz: true });
    t.text('error_message');
    t.string('error_code');
    t.jsonb('custom_headers').notNullable().defaultTo('{}');
    t.bigInteger('process_instance_key').notNullable();
    t.bigInteger('element_instance_key').notNullable();
    t.string('element_id').notNullable();
    t.bigInteger('process_definition_key').notNullable();
    t.string('bpmn_process_id').notNullable();
    t.integer('process_definition_version').notNullable();
    t.string('tenant_id').notNullable().defaultTo('<default>');
    t.string('kind').notNullable().defaultTo('BPMN_ELEMENT');
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('ended_at', { useTz: true });
    t.index(['process_instance_key']);
    t.index(['element_instance_key']);
  });
  await knex.raw(
    "create index engine_jobs_activatable on engine_jobs (type, key) where state in ('ACTIVATABLE', 'ACTIVATED')",
  );

  await knex.schema.createTable('engine_incidents', (t) => {
    t.bigInteger('key').primary();
    t.string('state').notNullable();
    t.string('error_type').notNullable();
    t.text('error_message').notNullable();
    t.bigInteger('process_instance_key').notNullable();
    t.bigInteger('element_instance_key').notNullable();
    t.string('element_id').notNullable();
    t.bigInteger('job_key');
    t.bigInteger('variable_scope_key');
    t.bigInteger('process_definition_key').notNullable();
    t.string('bpmn_process_id').notNullable();
    t.string('tenant_id').notNullable().defaultTo('<default>');
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('resolved_at', { useTz: true });
    t.index(['process_instance_key']);
    t.index(['state']);
  });

  await knex.schema.createTable('engine_records', (t) => {
    t.bigIncrements('position').primary();
    t.bigInteger('key').notNullable();
    t.string('record_type').notNullable(); // EVENT | COMMAND | COMMAND_REJECTION
    t.string('value_type').notNullable(); // PROCESS_INSTANCE | JOB | VARIABLE | INCIDENT | DEPLOYMENT | …
    t.string('intent').notNullable();
    t.bigInteger('process_instance_key');
    t.string('bpmn_process_id');
    t.string('element_id');
    t.string('element_type');
    t.timestamp('timestamp', { useTz: true }).notNullable();
    t.jsonb('value').notNullable();
    t.index(['process_instance_key']);
    t.index(['value_type', 'intent']);
  });
}

/** @param {import('knex').Knex} knex */
export async function down(knex) {
  for (const table of [
    'engine_records',
    'engine_incidents',
    'engine_jobs',
    'engine_variables',
    'engine_element_instances',
    'engine_process_definitions',
    'engine_deployments',
  ]) {
    await knex.schema.dropTableIfExists(table);
  }
  await knex.raw('drop sequence if exists engine_key_block_seq');
}
