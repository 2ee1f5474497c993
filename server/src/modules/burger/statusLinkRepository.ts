import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';

export interface StatusLink {
  id: string;
  zaakId: string;
  email: string;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
}

interface StatusLinkRow {
  id: string;
  zaak_id: string;
  email: string;
  created_at: Date | string;
  expires_at: Date | string;
  revoked_at: Date | string | null;
}

const toLink = (row: StatusLinkRow): StatusLink => ({
  id: row.id,
  zaakId: row.zaak_id,
  email: row.email,
  createdAt: new Date(row.created_at),
  expiresAt: new Date(row.expires_at),
  revokedAt: row.revoked_at === null ? null : new Date(row.revoked_at),
});

/** SQL for `burger_statuslinks`: links are found by the sha256 of their token, never by the token. */
export class StatusLinkRepository {
  constructor(private readonly db: Knex) {}

  async insert(link: { zaakId: string; tokenHash: string; email: string; expiresAt: Date; createdBy: string }): Promise<string> {
    const id = randomUUID();
    await this.db('burger_statuslinks').insert({
      id,
      zaak_id: link.zaakId,
      token_hash: link.tokenHash,
      email: link.email,
      expires_at: link.expiresAt,
      created_by: link.createdBy,
    });
    return id;
  }

  async findByHash(tokenHash: string): Promise<StatusLink | undefined> {
    const row = await this.db('burger_statuslinks').where('token_hash', tokenHash).first<StatusLinkRow | undefined>();
    return row ? toLink(row) : undefined;
  }

  async listByZaak(zaakId: string): Promise<StatusLink[]> {
    const rows = await this.db('burger_statuslinks').where('zaak_id', zaakId).orderBy('created_at', 'desc').select<StatusLinkRow[]>('*');
    return rows.map(toLink);
  }

  /** Revokes every link of the zaak still active; returns how many. */
  async revokeAll(zaakId: string, by: string, at: Date): Promise<number> {
    return this.db('burger_statuslinks')
      .where('zaak_id', zaakId)
      .whereNull('revoked_at')
      .update({ revoked_at: at, revoked_by: by });
  }
}
