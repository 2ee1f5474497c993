// @ts-check
/**
 * Which teams (candidate groups) have worked on a zaak: one row per zaak and group that ever had
 * a task of it. Overzicht's team filter reads it by index instead of joining every task's groups
 * to every zaak. Kept by a trigger on `taken`, so whatever writes a task keeps it right; a task's
 * groups never leave this table (the team did work on the zaak), and rows of removed zaken are
 * harmless because readers join them to `zaken`.
 * @param {import('knex').Knex} knex
 */
export async function up(knex) {
  await knex.schema.createTable('zaak_groepen', (t) => {
    t.string('groep', 100).notNullable();
    t.uuid('zaak_id').notNullable();
    t.primary(['groep', 'zaak_id']);
  });
  await knex.raw(`
    create function zaak_groepen_from_taak() returns trigger language plpgsql as $$
    begin
      -- a task's zaak_id is text; only zaak ids (uuids) are kept
      if new.zaak_id ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then
        insert into zaak_groepen (groep, zaak_id)
          select groep, new.zaak_id::uuid from unnest(new.candidate_groups) as groep
          on conflict do nothing;
      end if;
      return null;
    end $$`);
  await knex.raw(`
    create trigger taken_zaak_groepen after insert or update of candidate_groups, zaak_id on taken
      for each row execute function zaak_groepen_from_taak()`);
  await knex.raw(`
    insert into zaak_groepen (groep, zaak_id)
      select distinct groep, t.zaak_id::uuid from taken t, unnest(t.candidate_groups) as groep
      where t.zaak_id ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'`);
}

/** @param {import('knex').Knex} knex */
export async function down(knex) {
  await knex.raw('drop trigger taken_zaak_groepen on taken');
  await knex.raw('drop function zaak_groepen_from_taak()');
  await knex.schema.dropTable('zaak_groepen');
}
