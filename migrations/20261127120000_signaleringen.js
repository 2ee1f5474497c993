// @ts-check
/**
 * Signaleringen: what an employee should hear about (assigned to me or my group, a document on my
 * zaak, a deadline drawing near), shown on the dashboard and, if chosen, mailed in an hourly digest.
 *
 * - `audit_trail.tx_id`: the inserting transaction. The feed consumer reads the trail in
 *   (tx_id, id) order and only below the oldest transaction still in flight, so an entry whose
 *   transaction commits late is never skipped (bigserial ids can commit out of order).
 * - `signaleringen`: one row per (user, event, subject, period); the unique key makes every
 *   producer idempotent, across restarts and server processes.
 * - `signalering_runs`: one row per scheduled job and period (a day, an hour): the process that
 *   inserts it does the work, the others see the conflict and skip.
 * @param {import('knex').Knex} knex
 */
export async function up(knex) {
  await knex.raw('alter table audit_trail add column tx_id xid8 not null default pg_current_xact_id()');
  await knex.schema.alterTable('audit_trail', (t) => {
    t.index(['tx_id', 'id']);
  });

  await knex.schema.createTable('signaleringen', (t) => {
    t.bigIncrements('id').primary();
    t.string('username', 100).notNullable();
    t.string('event_type', 40).notNullable();
    t.string('subject_type', 10).notNullable(); // zaak | taak
    t.string('subject_id', 255).notNullable();
    t.string('zaak_id', 255);
    t.string('period', 40).notNullable(); // audit entry id, or the deadline date
    t.text('tekst').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('read_at', { useTz: true });
    t.boolean('email_pending').notNullable().defaultTo(false);
    t.bigInteger('digest_id');
    t.unique(['username', 'event_type', 'subject_type', 'subject_id', 'period']);
    t.index(['username', 'read_at', 'id']);
  });
  await knex.raw(`
    alter table signaleringen
      add constraint signaleringen_subject_type check (subject_type in ('zaak', 'taak'))`);
  await knex.raw('create index signaleringen_email_pending on signaleringen (username) where email_pending');

  await knex.schema.createTable('signalering_instellingen', (t) => {
    t.string('username', 100).notNullable();
    t.string('event_type', 40).notNullable();
    t.boolean('dashboard').notNullable();
    t.boolean('email').notNullable();
    t.primary(['username', 'event_type']);
  });

  // How many working days before its streef- or fatale datum a zaak of this zaaktype is "near" (default 5).
  await knex.schema.createTable('signalering_zaaktype_termijnen', (t) => {
    t.string('zaaktype_identificatie', 50).primary();
    t.integer('werkdagen').notNullable();
  });

  await knex.schema.createTable('signalering_feed_cursor', (t) => {
    t.string('name', 40).primary();
    t.specificType('tx_id', 'xid8').notNullable();
    t.bigInteger('entry_id').notNullable();
  });
  // Start after everything already in the trail: no flood of signaleringen about the past.
  await knex.raw(`
    insert into signalering_feed_cursor (name, tx_id, entry_id)
    select 'audit', pg_current_xact_id(), coalesce(max(id), 0) from audit_trail`);

  await knex.schema.createTable('signalering_runs', (t) => {
    t.string('job', 40).notNullable();
    t.string('period', 40).notNullable();
    t.timestamp('ran_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.primary(['job', 'period']);
  });

  await knex.schema.createTable('signalering_digests', (t) => {
    t.bigIncrements('id').primary();
    t.string('username', 100).notNullable();
    t.string('period', 40).notNullable(); // the hour, e.g. 2026-04-23T10
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('attempt_at', { useTz: true });
    t.timestamp('sent_at', { useTz: true });
    t.text('last_error');
    t.unique(['username', 'period']);
  });
}

/** @param {import('knex').Knex} knex */
export async function down(knex) {
  await knex.schema.dropTableIfExists('signalering_digests');
  await knex.schema.dropTableIfExists('signalering_runs');
  await knex.schema.dropTableIfExists('signalering_feed_cursor');
  await knex.schema.dropTableIfExists('signalering_zaaktype_termijnen');
  await knex.schema.dropTableIfExists('signalering_instellingen');
  await knex.schema.dropTableIfExists('signaleringen');
  await knex.raw('alter table audit_trail drop column tx_id');
}
