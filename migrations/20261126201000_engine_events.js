// @ts-check
/**
 * Embedded engine, events: timers, message subscriptions, buffered messages (with the processes
 * each one already correlated to), message start subscriptions of deployed processes, and
 * signal subscriptions.
 * @param {import('knex').Knex} knex
 */
export async function up(knex) {
  await knex.schema.createTable('engine_timers', (t) => {
    t.bigInteger('key').primary();
    t.string('state').notNullable(); // ACTIVE | TRIGGERED | CANCELED
    t.timestamp('due_date', { useTz: true }).notNullable();
    t.integer('repetitions').notNullable().defaultTo(1); // -1: forever (R/…)
    t.string('interval'); // ISO 8601 duration of a cycle
    t.string('element_id').notNullable(); // the event the timer triggers
    t.bigInteger('element_instance_key'); // owner; null for a timer start event
    t.bigInteger('process_instance_key');
    t.bigInteger('process_definition_key').notNullable();
    t.string('tenant_id').notNullable().defaultTo('<default>');
  });
  await knex.raw("create index engine_timers_due on engine_timers (due_date) where state = 'ACTIVE'");
  await knex.raw('create index engine_timers_owner on engine_timers (element_instance_key)');

  await knex.schema.createTable('engine_message_subscriptions', (t) => {
    t.bigInteger('key').primary();
    t.string('state').notNullable(); // ACTIVE | CORRELATED | CLOSED
    t.string('message_name').notNullable();
    t.string('correlation_key').notNullable();
    t.string('element_id').notNullable();
    t.bigInteger('element_instance_key').notNullable();
    t.bigInteger('process_instance_key').notNullable();
    t.string('bpmn_process_id').notNullable();
    t.string('tenant_id').notNullable().defaultTo('<default>');
  });
  await knex.raw(
    "create index engine_message_subscriptions_open on engine_message_subscriptions (message_name, correlation_key) where state = 'ACTIVE'",
  );
  await knex.raw('create index engine_message_subscriptions_owner on engine_message_subscriptions (element_instance_key)');

  await knex.schema.createTable('engine_messages', (t) => {
    t.bigInteger('key').primary();
    t.string('state').notNullable(); // PUBLISHED | EXPIRED
    t.string('name').notNullable();
    t.string('correlation_key').notNullable();
    t.string('message_id').notNullable().defaultTo('');
    t.text('variables').notNullable();
    t.timestamp('published_at', { useTz: true }).notNullable();
    t.timestamp('expires_at', { useTz: true }).notNullable();
    t.string('tenant_id').notNullable().defaultTo('<default>');
  });
  await knex.raw(
    "create index engine_messages_buffered on engine_messages (name, correlation_key) where state = 'PUBLISHED'",
  );
  await knex.raw(
    "create unique index engine_messages_unique_id on engine_messages (tenant_id, name, message_id) where state = 'PUBLISHED' and message_id <> ''",
  );

  await knex.schema.createTable('engine_message_correlations', (t) => {
    t.bigInteger('message_key').notNullable();
    t.string('bpmn_process_id').notNullable();
    t.bigInteger('process_instance_key').notNullable();
    t.string('correlation_key').notNullable().defaultTo('');
    t.primary(['message_key', 'bpmn_process_id']);
    t.index(['bpmn_process_id', 'correlation_key']);
  });

  await knex.schema.createTable('engine_start_subscriptions', (t) => {
    t.bigInteger('process_definition_key').notNullable();
    t.string('bpmn_process_id').notNullable();
    t.string('event_type').notNullable(); // MESSAGE | SIGNAL
    t.string('name').notNullable();
    t.string('element_id').notNullable();
    t.string('tenant_id').notNullable().defaultTo('<default>');
    t.primary(['process_definition_key', 'element_id']);
    t.index(['event_type', 'name']);
  });

  await knex.schema.createTable('engine_signal_subscriptions', (t) => {
    t.bigInteger('key').primary();
    t.string('signal_name').notNullable();
    t.string('element_id').notNullable();
    t.bigInteger('element_instance_key').notNullable();
    t.bigInteger('process_instance_key').notNullable();
    t.string('tenant_id').notNullable().defaultTo('<default>');
    t.index(['signal_name']);
    t.index(['element_instance_key']);
  });
}

/** @param {import('knex').Knex} knex */
export async function down(knex) {
  for (const table of [
    'engine_signal_subscriptions',
    'engine_start_subscriptions',
    'engine_message_correlations',
    'engine_messages',
    'engine_message_subscriptions',
    'engine_timers',
  ]) {
    await knex.schema.dropTableIfExists(table);
  }
}
