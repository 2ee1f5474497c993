// @ts-check
/**
 * The audit trail (like the ZGW audittrail): who did what to which resource, when, with the old
 * and new value. Append-only: a trigger refuses updates and deletes, so an entry, once
 * committed, cannot be changed by application code.
 * Resource and zaak ids are text because resources use different key kinds (uuid, zaaknummer,
 * int64 engine keys).
 * @param {import('knex').Knex} knex
 */
export async function up(knex) {
  await knex.schema.createTable('audit_trail', (t) => {
    t.bigIncrements('id').primary();
    t.timestamp('at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.string('actor_type', 20).notNullable(); // user | service | system
    t.string('actor_id', 255); // account id or service client id; null for the system itself
    t.string('actor_name', 255).notNullable(); // username as it was at the time
    t.string('action', 100).notNullable(); // e.g. auth.login, zaak.status_gezet
    t.string('resource_type', 100).notNullable();
    t.string('resource_id', 255).notNullable();
    t.string('zaak_id', 255);
    t.jsonb('old_value');
    t.jsonb('new_value');
    t.string('request_id', 100);
    t.text('remark');
    t.index(['resource_type', 'resource_id', 'id']);
    t.index(['zaak_id', 'id']);
    t.index(['actor_id', 'id']);
    t.index(['at']);
  });
  await knex.raw(`
    alter table audit_trail
      add constraint audit_trail_actor_type check (actor_type in ('user', 'service', 'system'))`);

  await knex.raw(`
    create function audit_trail_refuse_change() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_trail is append-only: % is not allowed', tg_op;
    end;
    $$`);
  await knex.raw(`
    create trigger audit_trail_append_only
      before update or delete on audit_trail
      for each row execute function audit_trail_refuse_change()`);
}

/** @param {import('knex').Knex} knex */
export async function down(knex) {
  await knex.schema.dropTableIfExists('audit_trail');
  await knex.raw('drop function if exists audit_trail_refuse_change()');
}
