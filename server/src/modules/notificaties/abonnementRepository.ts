import type { Knex } from 'knex';
import type { Abonnement, KanaalAbonnement } from './types.js';

interface AbonnementRow {
  id: string;
  callback_url: string;
  auth: string;
  kanalen: KanaalAbonnement[];
  created_by: string;
  created_at: Date;
  updated_at: Date;
}

export interface AbonnementInput {
  callbackUrl: string;
  auth: string;
  kanalen: KanaalAbonnement[];
}

/** SQL for `notificatie_abonnementen`. */
export class AbonnementRepository {
  constructor(private readonly db: Knex) {}

  async list(): Promise<Abonnement[]> {
    const rows = await this.db('notificatie_abonnementen')
      .orderBy('created_at')
      .orderBy('id')
      .select<AbonnementRow[]>('*');
    return rows.map(toAbonnement);
  }

  async find(id: string): Promise<Abonnement | undefined> {
    const row = await this.db('notificatie_abonnementen')
      .where({ id })
      .first<AbonnementRow | undefined>('*');
    return row && toAbonnement(row);
  }

  async insert(id: string, input: AbonnementInput, createdBy: string, now: Date): Promise<void> {
    await this.db('notificatie_abonnementen').insert({
      id,
      callback_url: input.callbackUrl,
      auth: input.auth,
      kanalen: JSON.stringify(input.kanalen),
      created_by: createdBy,
      created_at: now,
      updated_at: now,
    });
  }

  /** Returns whether the abonnement existed (`returning`, because knex-pglite reports no row count). */
  async update(id: string, input: Partial<AbonnementInput>, now: Date): Promise<boolean> {
    const changed = await this.db('notificatie_abonnementen')
      .where({ id })
      .update({
        ...(input.callbackUrl === undefined ? {} : { callback_url: input.callbackUrl }),
        ...(input.auth === undefined ? {} : { auth: input.auth }),
        ...(input.kanalen === undefined ? {} : { kanalen: JSON.stringify(input.kanalen) }),
        updated_at: now,
      })
      .returning('id');
    return changed.length > 0;
  }

  /** Removes the abonnement and its afleveringen; returns whether it existed. */
  async delete(id: string): Promise<boolean> {
    return (
      (await this.db('notificatie_abonnementen').where({ id }).delete().returning('id')).length > 0
    );
  }
}

function toAbonnement(row: AbonnementRow): Abonnement {
  return {
    id: row.id,
    callbackUrl: row.callback_url,
    auth: row.auth,
    kanalen: row.kanalen,
    createdBy: row.created_by,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  };
}

/** Whether an abonnement wants this notificatie: one of its kanalen matches, with every filter. */
export function wants(
  abonnement: Pick<Abonnement, 'kanalen'>,
  kanaal: string,
  kenmerken: Record<string, string>,
): boolean {
  return abonnement.kanalen.some(
    (k) =>
      k.naam === kanaal &&
      Object.entries(k.filters).every(([kenmerk, value]) => kenmerken[kenmerk] === value),
  );
}
