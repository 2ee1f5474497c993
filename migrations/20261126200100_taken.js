// @ts-check
/**
 * The task list: one row per activated job-based user task (job type `io.camunda.zeebe:userTask`),
 * unique on the job key, so a job activated again after its lock expired or a restart updates
 * its row instead of adding a second task. State: open → claimed → completed | cancelled.
 * @param {import('knex').Knex} knex
 */
export async function up(knex) {
  await knex.schema.createTable('taken', (t) => {
    t.uuid('id').primary();
    t.bigInteger('job_key').notNullable().unique();
    t.string('name', 255).notNullable();
    t.string('element_id', 255).notNullable();
    t.string('bpmn_process_id', 255).notNullable();
    t.bigInteger('process_instance_key').notNullable();
    t.bigInteger('element_instance_key').notNullable();
    t.string('zaak_id', 255);
    t.string('state', 20).notNullable().defaultTo('open');
    t.string('assignee', 100);
    t.specificType('candidate_groups', 'text[]').notNullable().defaultTo('{}');
    t.specificType('candidate_users', 'text[]').notNullable().defaultTo('{}');
    t.timestamp('due_date', { useTz: true });
    t.timestamp('follow_up_date', { useTz: true });
    t.string('form_key', 255);
    t.jsonb('variables').notNullable().defaultTo('{}'); // snapshot at (last) activation
    t.jsonb('draft'); // the behandelaar's unsaved form data
    t.jsonb('result'); // the variables it was completed with
    t.timestamp('job_deadline', { useTz: true }); // the engine's lock on the job
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('claimed_at', { useTz: true });
    t.timestamp('ended_at', { useTz: true });
    t.string('ended_by', 100);
    t.index(['state', 'assignee']);
    t.index(['zaak_id']);
    t.index(['process_instance_key']);
    t.index(['due_date']);
  });
  await knex.raw(`
    alter table taken
      add constraint taken_known_state check (state in ('open', 'claimed', 'completed', 'cancelled')),
      add constraint taken_claimed_has_assignee check (state <> 'claimed' or assignee is not null)`);
  await knex.raw('create index taken_candidate_groups on taken using gin (candidate_groups)');
}

/** @param {import('knex').Knex} knex */
export async function down(knex) {
  await knex.schema.dropTableIfExists('taken');
}
