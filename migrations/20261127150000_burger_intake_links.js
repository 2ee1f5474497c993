// @ts-check
/**
 * The intake status link is sent at least once, and made once: `purpose = 'intake'` marks it (one
 * live intake link per zaak), `mailed_at` says the mail went out. A sweeper makes the link for a
 * zaak whose server stopped before it could, and re-sends one whose mail never left.
 * @param {import('knex').Knex} knex
 */
export async function up(knex) {
  await knex.schema.alterTable('burger_statuslinks', (t) => {
    t.string('purpose', 20);
    t.timestamp('mailed_at', { useTz: true });
  });
  // Links made before this migration were mailed when they were made.
  await knex('burger_statuslinks').update({ mailed_at: knex.ref('created_at') });
  await knex.raw(`
    create unique index burger_statuslinks_one_intake on burger_statuslinks (zaak_id)
      where purpose = 'intake' and revoked_at is null`);
}

/** @param {import('knex').Knex} knex */
export async function down(knex) {
  await knex.raw('drop index if exists burger_statuslinks_one_intake');
  await knex.schema.alterTable('burger_statuslinks', (t) => {
    t.dropColumn('purpose');
    t.dropColumn('mailed_at');
  });
}
