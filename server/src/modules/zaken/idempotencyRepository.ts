import type { Knex } from 'knex';

export interface StoredResponse {
  requestHash: string;
  status: number | null;
  body: unknown;
}

const TABLE = 'zaak_idempotency_keys';

/** SQL for Idempotency-Key records, per user. */
export class IdempotencyRepository {
  constructor(private readonly db: Knex) {}

  /**
   * Reserves the key inside the caller's transaction. When another transaction holds the same key,
   * PostgreSQL waits for it to end, so the loser then finds the winner's stored response.
   */
  async reserve(username: string, key: string, requestHash: string): Promise<boolean> {
    const inserted = await this.db(TABLE)
      .insert({ username, key, request_hash: requestHash })
      .onConflict(['username', 'key'])
      .ignore()
      .returning('key');
    return inserted.length > 0;
  }

  async find(username: string, key: string): Promise<StoredResponse | undefined> {
    const row = await this.db(TABLE)
      .where({ username, key })
      .first<
        { request_hash: string; response_status: number | null; response_body: unknown } | undefined
      >();
    return (
      row && { requestHash: row.request_hash, status: row.response_status, body: row.response_body }
    );
  }

  async storeResponse(username: string, key: string, status: number, body: unknown): Promise<void> {
    await this.db(TABLE)
      .where({ username, key })
      .update({ response_status: status, response_body: JSON.stringify(body) });
  }
}
