import type { Knex } from 'knex';
import type { Aflevering, AfleveringState, Poging, ZgwNotificatie } from './types.js';

/** An aflevering a dispatcher has claimed, with what it needs to post it. */
export interface ClaimedAflevering {
  id: string;
  attempts: number;
  callbackUrl: string;
  auth: string;
  notificatie: ZgwNotificatie;
}

/** The outcome of one attempt, as recorded. */
export interface AttemptOutcome {
  at: Date;
  statusCode: number | null;
  error: string | null;
  state: AfleveringState;
  nextAttemptAt: Date | null;
}

export interface AfleveringFilter {
  state?: AfleveringState | undefined;
  abonnementId?: string | undefined;
  limit: number;
}

/** SQL for `notificatie_afleveringen` and `notificatie_pogingen`. */
export class AfleveringRepository {
  constructor(private readonly db: Knex) {}

  /**
   * Claims up to `limit` due afleveringen: locks them with SKIP LOCKED (rows another dispatcher is
   * claiming right now are passed over) and moves their next attempt to `leaseUntil`, so no other
   * dispatcher takes them while this one posts. Should this one die, they are due again then.
   */
  claimDue(now: Date, leaseUntil: Date, limit: number): Promise<ClaimedAflevering[]> {
    return this.db.transaction(async (trx) => {
      const due = await trx('notificatie_afleveringen')
        .where({ state: 'pending' })
        .where('next_attempt_at', '<=', now)
        .orderBy('next_attempt_at')
        .orderBy('id')
        .limit(limit)
        .forUpdate()
        .skipLocked()
        .pluck<string[]>('id');
      if (due.length === 0) return [];
      await trx('notificatie_afleveringen')
        .whereIn('id', due)
        .update({ next_attempt_at: leaseUntil });
      const rows = await trx('notificatie_afleveringen as a')
        .join('notificatie_abonnementen as s', 's.id', 'a.abonnement_id')
        .join('notificaties as n', 'n.id', 'a.notificatie_id')
        .whereIn('a.id', due)
        .orderBy('a.id')
        .select<
          {
            id: string;
            attempts: number;
            callback_url: string;
            auth: string;
            bericht: ZgwNotificatie;
          }[]
        >('a.id', 'a.attempts', 's.callback_url', 's.auth', 'n.bericht');
      return rows.map((row) => ({
        id: String(row.id),
        attempts: row.attempts,
        callbackUrl: row.callback_url,
        auth: row.auth,
        notificatie: row.bericht,
      }));
    });
  }

  /**
   * Records attempt `claimed.attempts + 1` and its outcome. Only while the aflevering is still as
   * claimed: had the lease run out and another dispatcher recorded this attempt, nothing changes.
   */
  recordAttempt(
    claimed: Pick<ClaimedAflevering, 'id' | 'attempts'>,
    outcome: AttemptOutcome,
  ): Promise<boolean> {
    return this.db.transaction(async (trx) => {
      const nummer = claimed.attempts + 1;
      const updated = await trx('notificatie_afleveringen')
        .where({ id: claimed.id, attempts: claimed.attempts, state: 'pending' })
        .update({
          attempts: nummer,
          state: outcome.state,
          next_attempt_at: outcome.nextAttemptAt,
          delivered_at: outcome.state === 'delivered' ? outcome.at : null,
          last_error: outcome.error,
        })
        .returning('id');
      if (updated.length === 0) return false;
      await trx('notificatie_pogingen').insert({
        aflevering_id: claimed.id,
        nummer,
        at: outcome.at,
        status_code: outcome.statusCode,
        error: outcome.error,
      });
      return true;
    });
  }

  /** Afleveringen newest first, each with its notificatie and attempts. */
  async list(filter: AfleveringFilter): Promise<Aflevering[]> {
    const query = this.db('notificatie_afleveringen as a')
      .join('notificatie_abonnementen as s', 's.id', 'a.abonnement_id')
      .join('notificaties as n', 'n.id', 'a.notificatie_id')
      .orderBy('a.id', 'desc')
      .limit(filter.limit)
      .select<AfleveringRow[]>('a.*', 's.callback_url', 'n.bericht');
    if (filter.state) void query.where('a.state', filter.state);
    if (filter.abonnementId) void query.where('a.abonnement_id', filter.abonnementId);
    const rows = await query;
    const pogingen = await this.pogingen(rows.map((row) => String(row.id)));
    return rows.map((row) => ({
      id: String(row.id),
      abonnementId: row.abonnement_id,
      callbackUrl: row.callback_url,
      state: row.state,
      attempts: row.attempts,
      nextAttemptAt: row.next_attempt_at && new Date(row.next_attempt_at),
      deliveredAt: row.delivered_at && new Date(row.delivered_at),
      lastError: row.last_error,
      createdAt: new Date(row.created_at),
      notificatie: row.bericht,
      pogingen: pogingen.get(String(row.id)) ?? [],
    }));
  }

  private async pogingen(ids: string[]): Promise<Map<string, Poging[]>> {
    const byAflevering = new Map<string, Poging[]>();
    if (ids.length === 0) return byAflevering;
    const rows = await this.db('notificatie_pogingen')
      .whereIn('aflevering_id', ids)
      .orderBy('nummer')
      .select<
        {
          aflevering_id: string;
          nummer: number;
          at: Date;
          status_code: number | null;
          error: string | null;
        }[]
      >('*');
    for (const row of rows) {
      const list = byAflevering.get(String(row.aflevering_id)) ?? [];
      list.push({
        nummer: row.nummer,
        at: new Date(row.at),
        statusCode: row.status_code,
        error: row.error,
      });
      byAflevering.set(String(row.aflevering_id), list);
    }
    return byAflevering;
  }
}

interface AfleveringRow {
  id: string;
  abonnement_id: string;
  callback_url: string;
  state: AfleveringState;
  attempts: number;
  next_attempt_at: Date | null;
  delivered_at: Date | null;
  last_error: string | null;
  created_at: Date;
  bericht: ZgwNotificatie;
}
