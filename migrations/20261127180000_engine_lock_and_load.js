// @ts-check
/**
 * One round trip for the start of every command on a process instance: lock the instance's root
 * row (waiting for a command that holds it), then read its live element instances and variables.
 * In PL/pgSQL each statement of a volatile function reads a fresh snapshot, so the read sees what
 * the previous holder of the lock committed, exactly as two separate statements would.
 * target_kind: 'process' (target_key is the instance), 'job', 'incident' or 'element'.
 * @param {import('knex').Knex} knex
 */
export async function up(knex) {
  await knex.raw(`
    create function engine_lock_and_load(target_kind text, target_key bigint)
    returns table (
      kind text, key text, scope_key text, name text, element_name text, element_type text,
      state text, value text, incident_key text, start_date timestamptz, end_date timestamptz,
      process_definition_key text, bpmn_process_id text, version integer, tenant_id text,
      parent_process_instance_key text, parent_element_instance_key text)
    language plpgsql volatile as $$
    #variable_conflict use_column
    declare
      owner bigint;
      locked bigint;
    begin
      owner := case target_kind
        when 'process' then target_key
        when 'job' then (select j.process_instance_key from engine_jobs j where j.key = target_key)
        when 'incident' then (select i.process_instance_key from engine_incidents i where i.key = target_key)
        when 'element' then (select e.process_instance_key from engine_element_instances e where e.key = target_key)
      end;
      select e.key into locked from engine_element_instances e
       where e.key = owner and e.state not in ('COMPLETED', 'TERMINATED') for update;
      if locked is null then return; end if;
      return query
        select 'e'::text, e.key::text, e.flow_scope_key::text, e.element_id::text, e.element_name::text,
               e.element_type::text, e.state::text, e.runtime::text, e.incident_key::text, e.start_date, e.end_date,
               e.process_definition_key::text, e.bpmn_process_id::text, e.version, e.tenant_id::text,
               e.parent_process_instance_key::text, e.parent_element_instance_key::text
          from engine_element_instances e
         where e.process_instance_key = locked and e.state not in ('COMPLETED', 'TERMINATED')
        union all
        select 'v'::text, v.key::text, v.scope_key::text, v.name::text, null::text, null::text, null::text, v.value,
               null::text, null::timestamptz, null::timestamptz, null::text, null::text, null::integer, null::text,
               null::text, null::text
          from engine_variables v
         where v.process_instance_key = locked;
    end $$`);
}

/** @param {import('knex').Knex} knex */
export async function down(knex) {
  await knex.raw('drop function engine_lock_and_load(text, bigint)');
}
