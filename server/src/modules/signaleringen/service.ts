import type { Knex } from 'knex';
import { NotFoundError } from '../../http/errors.js';
import type { Vertrouwelijkheidaanduiding } from '../catalogus/index.js';
import { eventTypeLabels, signaleringEventTypes, type SignaleringEventType } from './eventTypes.js';
import type { ZaakAuthorisation } from './recipients.js';
import { findForUser, markAllRead, markRead, type StoredSignalering } from './signaleringRepository.js';
import { findSettings, findWerkdagen, saveSettings, saveWerkdagen, settingOf } from './settingsRepository.js';
import type { Clock, Signalering, SignaleringSetting, SignaleringUser } from './types.js';

export interface SignaleringServiceOptions {
  db: Knex;
  authorisation: ZaakAuthorisation;
  clock: Clock;
}

/** How many unread signaleringen are looked at for the count; the header shows "200+" beyond. */
const countWindow = 200;

/** What the user sees of their signaleringen, their settings, and the per-zaaktype term. */
export class SignaleringService {
  constructor(private readonly options: SignaleringServiceOptions) {}

  /** The user's signaleringen, newest first, each re-checked against the zaak's authorisation now. */
  async list(user: SignaleringUser, query: { ongelezen: boolean; limit: number }): Promise<{ signaleringen: Signalering[]; ongelezen: number }> {
    const stored = await findForUser(this.options.db, user.username, { unreadOnly: query.ongelezen, limit: query.limit });
    return { signaleringen: await this.visible(user, stored), ongelezen: await this.unreadCount(user) };
  }

  async unreadCount(user: SignaleringUser): Promise<number> {
    const unread = await findForUser(this.options.db, user.username, { unreadOnly: true, limit: countWindow });
    return (await this.visible(user, unread)).length;
  }

  async markRead(user: SignaleringUser, id: string): Promise<void> {
    if (!(await markRead(this.options.db, user.username, id, this.now()))) {
      throw new NotFoundError(`Signalering ${id} does not exist or is not yours`, { id });
    }
  }

  async markAllRead(user: SignaleringUser): Promise<number> {
    return markAllRead(this.options.db, user.username, this.now());
  }

  async settings(user: SignaleringUser): Promise<SignaleringSetting[]> {
    const stored = await findSettings(this.options.db, user.username);
    return signaleringEventTypes.map((eventType) => ({ eventType, label: eventTypeLabels[eventType], ...settingOf(stored, eventType) }));
  }

  async saveSettings(
    user: SignaleringUser,
    settings: { eventType: SignaleringEventType; dashboard: boolean; email: boolean }[],
  ): Promise<SignaleringSetting[]> {
    await saveSettings(this.options.db, user.username, settings);
    return this.settings(user);
  }

  async werkdagen(zaaktype: string): Promise<{ zaaktype: string; werkdagen: number }> {
    await this.requireZaaktype(zaaktype);
    return { zaaktype, werkdagen: await findWerkdagen(this.options.db, zaaktype) };
  }

  async saveWerkdagen(zaaktype: string, werkdagen: number): Promise<{ zaaktype: string; werkdagen: number }> {
    await this.requireZaaktype(zaaktype);
    await saveWerkdagen(this.options.db, zaaktype, werkdagen);
    return { zaaktype, werkdagen };
  }

  private async requireZaaktype(identificatie: string): Promise<void> {
    const found = await this.options.db('catalogus_zaaktypen')
      .where({ identificatie })
      .first<{ identificatie: string } | undefined>('identificatie');
    if (!found) throw new NotFoundError(`Zaaktype ${identificatie} does not exist`, { field: 'identificatie' });
  }

  private async visible(user: SignaleringUser, stored: StoredSignalering[]): Promise<Signalering[]> {
    const groups = user.groups.map((group) => group.code);
    const decided = new Map<string, boolean>();
    const result: Signalering[] = [];
    for (const { zaak, ...signalering } of stored) {
      if (zaak) {
        const key = `${zaak.zaaktype}\u0000${zaak.vertrouwelijkheidaanduiding}`;
        let allowed = decided.get(key);
        if (allowed === undefined) {
          allowed = await this.options.authorisation.mayView(groups, zaak.zaaktype, zaak.vertrouwelijkheidaanduiding as Vertrouwelijkheidaanduiding);
          decided.set(key, allowed);
        }
        if (!allowed) continue;
      } else if (signalering.zaakId) {
        continue; // the zaak is gone
      }
      result.push(signalering);
    }
    return result;
  }

  private now(): Date {
    return new Date(this.options.clock.now());
  }
}
