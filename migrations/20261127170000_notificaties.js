// @ts-check
/**
 * Notificaties out: zaak events published to subscribers as webhooks in the shape of the ZGW
 * Notificaties API.
 *
 * - `notificatie_abonnementen`: a subscriber's callback URL, the Authorization header value sent
 *   with every delivery, and its kanalen with optional filters on kenmerken (ZGW shape:
 *   `[{ naam: 'zaken', filters: { zaaktype: '...' } }]`).
 * - `notificatie_feed_cursor`: how far the dispatcher has read the audit trail (as signaleringen).
 * - `notificaties`: one row per audit entry that is a zaak event some abonnement wants;
 *   `bron_entry_id` is unique, so a second reading of the same entry adds nothing.
 * - `notificatie_afleveringen`: one row per (notificatie, abonnement), with its state and when the
 *   next attempt is due. A dispatcher claims due rows with SKIP LOCKED and moves `next_attempt_at`
 *   past the request's time-out, so no other dispatcher takes the same row meanwhile.
 * - `notificatie_pogingen`: every attempt (status code or error, time).
 * @param {import('knex').Knex} knex
 */
export async function up(knex) {
  await knex.schema.createTable('notificatie_abonnementen', (t) => {
    t.uuid('id').primary();
    t.text('callback_url').notNullable();
    t.text('auth').notNullable();
    t.jsonb('kanalen').notNullable();
    t.string('created_by', 100).notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });

  await knex.schema.createTable('notificatie_feed_cursor', (t) => {
    t.string('name', 40).primary();
    t.specificType('tx_id', 'xid8').notNullable();
    t.bigInteger('entry_id').notNullable();
  });
  // Start after everything already in the trail: subscribers hear of what happens from now on.
  await knex.raw(`
    insert into notificatie_feed_cursor (name, tx_id, entry_id)
    select 'audit', pg_current_xact_id(), coalesce(max(id), 0) from audit_trail`);

  await knex.schema.createTable('notificaties', (t) => {
    t.bigIncrements('id').primary();
    t.bigInteger('bron_entry_id').notNullable().unique();
    t.string('kanaal', 40).notNullable();
    t.string('zaak_id', 255);
    t.jsonb('bericht').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
  });

  await knex.schema.createTable('notificatie_afleveringen', (t) => {
    t.bigIncrements('id').primary();
    t.bigInteger('notificatie_id').notNullable().references('notificaties.id').onDelete('cascade');
    t.uuid('abonnement_id')
      .notNullable()
      .references('notificatie_abonnementen.id')
      .onDelete('cascade');
    t.string('state', 20).notNullable(); // pending | delivered | failed
    t.integer('attempts').notNullable().defaultTo(0);
    t.timestamp('next_attempt_at', { useTz: true });
    t.timestamp('delivered_at', { useTz: true });
    t.text('last_error');
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.unique(['notificatie_id', 'abonnement_id']);
  });
  await knex.raw(`
    alter table notificatie_afleveringen
      add constraint notificatie_afleveringen_state check (state in ('pending', 'delivered', 'failed'))`);
  await knex.raw(
    "create index notificatie_afleveringen_due on notificatie_afleveringen (next_attempt_at) where state = 'pending'",
  );

  await knex.schema.createTable('notificatie_pogingen', (t) => {
    t.bigIncrements('id').primary();
    t.bigInteger('aflevering_id')
      .notNullable()
      .references('notificatie_afleveringen.id')
      .onDelete('cascade');
    t.integer('nummer').notNullable();
    t.timestamp('at', { useTz: true }).notNullable();
    t.integer('status_code');
    t.text('error');
    t.unique(['aflevering_id', 'nummer']);
  });
}

/** @param {import('knex').Knex} knex */
export async function down(knex) {
  await knex.schema.dropTableIfExists('notificatie_pogingen');
  await knex.schema.dropTableIfExists('notificatie_afleveringen');
  await knex.schema.dropTableIfExists('notificaties');
  await knex.schema.dropTableIfExists('notificatie_feed_cursor');
  await knex.schema.dropTableIfExists('notificatie_abonnementen');
}
