// @ts-check
/**
 * Zeebe rejects a published message as a duplicate when a buffered message has the same name,
 * correlation key and message id (per tenant). The unique index follows that rule: the same id
 * may be buffered once per correlation key.
 * @param {import('knex').Knex} knex
 */
export async function up(knex) {
  await knex.raw('drop index if exists engine_messages_unique_id');
  await knex.raw(
    "create unique index engine_messages_unique_id on engine_messages (tenant_id, name, correlation_key, message_id) where state = 'PUBLISHED' and message_id <> ''",
  );
}

/** @param {import('knex').Knex} knex */
export async function down(knex) {
  // Messages that only the wider rule allowed would break the narrower index: expire them first.
  await knex.raw(`
    update engine_messages m set state = 'EXPIRED'
     where m.state = 'PUBLISHED' and m.message_id <> ''
       and exists (select 1 from engine_messages o
                    where o.state = 'PUBLISHED' and o.tenant_id = m.tenant_id and o.name = m.name
                      and o.message_id = m.message_id and o.key < m.key)`);
  await knex.raw('drop index if exists engine_messages_unique_id');
  await knex.raw(
    "create unique index engine_messages_unique_id on engine_messages (tenant_id, name, message_id) where state = 'PUBLISHED' and message_id <> ''",
  );
}
