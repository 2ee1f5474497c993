import type { Knex } from 'knex';

export interface OutboxEntry {
  id: string;
  zaakId: string;
  bpmnProcessId: string;
  processVersion: number;
  variables: Record<string, unknown>;
  /** Including the attempt just claimed: more than 1 means an earlier attempt may have started an instance. */
  attempts: number;
}

interface OutboxRow {
  id: string | number;
  zaak_id: string;
  bpmn_process_id: string;
  process_version: number;
  variables: Record<string, unknown> | string;
  attempts: number;
}

const TABLE = 'zaak_process_outbox';

/** SQL for the process-start outbox. */
export class OutboxRepository {
  constructor(private readonly db: Knex) {}

  async add(entry: {
    zaakId: string;
    bpmnProcessId: string;
    processVersion: number;
    variables: Record<string, unknown>;
  }): Promise<void> {
    await this.db(TABLE).insert({
      zaak_id: entry.zaakId,
      bpmn_process_id: entry.bpmnProcessId,
      process_version: entry.processVersion,
      variables: JSON.stringify(entry.variables),
    });
  }

  /**
   * Claims due entries: SKIP LOCKED lets several servers claim side by side without waiting on
   * each other; the claim is a lease (next_attempt_at moves `leaseMs` ahead), so the transaction
   * ends before the engine is called and an entry whose server died is picked up after the lease.
   */
  async claimDue(limit: number, leaseMs: number): Promise<OutboxEntry[]> {
    const result = await this.db.raw<{ rows: OutboxRow[] }>(
      `update ${TABLE} set state = 'starting', attempts = attempts + 1,
              next_attempt_at = now() + (? * interval '1 millisecond')
        where id in (select id from ${TABLE}
                      where state <> 'done' and next_attempt_at <= now()
                      order by id limit ? for update skip locked)
        returning id, zaak_id, bpmn_process_id, process_version, variables, attempts`,
      [leaseMs, limit],
    );
    return result.rows.map((row) => ({
      id: String(row.id),
      zaakId: row.zaak_id,
      bpmnProcessId: row.bpmn_process_id,
      processVersion: row.process_version,
      variables:
        typeof row.variables === 'string'
          ? (JSON.parse(row.variables) as Record<string, unknown>)
          : row.variables,
      attempts: row.attempts,
    }));
  }

  async markDone(id: string, processInstanceKey: string): Promise<void> {
    await this.db(TABLE).where('id', id).update({
      state: 'done',
      process_instance_key: processInstanceKey,
      done_at: this.db.fn.now(),
      last_error: null,
    });
  }

  async markFailed(id: string, error: string, retryInMs: number): Promise<void> {
    await this.db(TABLE)
      .where('id', id)
      .update({
        state: 'pending',
        last_error: error.slice(0, 2000),
        next_attempt_at: this.db.raw(`now() + (? * interval '1 millisecond')`, [retryInMs]),
      });
  }

  async stateOf(
    zaakId: string,
  ): Promise<{ state: string; attempts: number; lastError: string | null } | undefined> {
    const row = await this.db(TABLE)
      .where('zaak_id', zaakId)
      .first<{ state: string; attempts: number; last_error: string | null } | undefined>(
        'state',
        'attempts',
        'last_error',
      );
    return row && { state: row.state, attempts: row.attempts, lastError: row.last_error };
  }
}
