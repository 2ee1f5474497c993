import type { Knex } from 'knex';
import { defaultSetting, defaultWerkdagenVoorDeadline, type SignaleringEventType } from './eventTypes.js';

export type StoredSettings = Map<SignaleringEventType, { dashboard: boolean; email: boolean }>;

export async function findSettings(db: Knex, username: string): Promise<StoredSettings> {
  const rows = await db('signalering_instellingen')
    .where({ username })
    .select<{ event_type: SignaleringEventType; dashboard: boolean; email: boolean }[]>('event_type', 'dashboard', 'email');
  return new Map(rows.map((row) => [row.event_type, { dashboard: row.dashboard, email: row.email }]));
}

/**
 * Stores the user's choices in one transaction. Choosing e-mail later does not mail events that
 * already happened; switching e-mail off drops them from the next digest.
 */
export async function saveSettings(
  db: Knex,
  username: string,
  settings: { eventType: SignaleringEventType; dashboard: boolean; email: boolean }[],
): Promise<void> {
  await db.transaction(async (trx) => {
    for (const setting of settings) {
      await trx('signalering_instellingen')
        .insert({ username, event_type: setting.eventType, dashboard: setting.dashboard, email: setting.email })
        .onConflict(['username', 'event_type'])
        .merge(['dashboard', 'email']);
      if (!setting.email) {
        await trx('signaleringen')
          .where({ username, event_type: setting.eventType, email_pending: true })
          .update({ email_pending: false });
      }
    }
  });
}

export function settingOf(settings: StoredSettings, eventType: SignaleringEventType) {
  return settings.get(eventType) ?? defaultSetting;
}

export async function findWerkdagen(db: Knex, zaaktype: string): Promise<number> {
  const row = await db('signalering_zaaktype_termijnen')
    .where({ zaaktype_identificatie: zaaktype })
    .first<{ werkdagen: number } | undefined>('werkdagen');
  return row?.werkdagen ?? defaultWerkdagenVoorDeadline;
}

export async function saveWerkdagen(db: Knex, zaaktype: string, werkdagen: number): Promise<void> {
  await db('signalering_zaaktype_termijnen')
    .insert({ zaaktype_identificatie: zaaktype, werkdagen })
    .onConflict('zaaktype_identificatie')
    .merge(['werkdagen']);
}
