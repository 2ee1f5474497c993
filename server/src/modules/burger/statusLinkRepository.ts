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

  /**
   * Inserts a link; an intake link only when the zaak has no live one yet (undefined then: another
   * server made it).
   */
  async insert(link: { zaakId: string; tokenHash: string; email: string; expiresAt: Date; createdBy: string; intake?: boolean }): Promise<string | undefined> {
    const id = randomUUID();
    const result = await this.db.raw<{ rows: { id: string }[] }>(
      `insert into burger_statuslinks (id, zaak_id, token_hash, email, expires_at, created_by, purpose)
       values (?, ?, ?, ?, ?, ?, ?)
       on conflict (zaak_id) where purpose = 'intake' and revoked_at is null do nothing
       returning id`,
      [id, link.zaakId, link.tokenHash, link.email, link.expiresAt, link.createdBy, link.intake ? 'intake' : null],
    );
    return result.rows[0]?.id;
  }

  async markMailed(id: string): Promise<void> {
    await this.db('burger_statuslinks').where('id', id).update({ mailed_at: this.db.fn.now() });
  }

  /**
   * Zaken of the last two days with an initiator e-mail address and no intake link, older than
   * `graceMs` (younger ones are still being handled by the server that took them in). Database
   * time, as the rows' own timestamps.
   */
  async zakenWithoutIntakeLink(graceMs: number, limit: number): Promise<string[]> {
    const rows = await this.db('zaken as z')
      .where('z.proefrun', false)
      .whereRaw(`z.created_at between now() - interval '2 days' and now() - (? * interval '1 millisecond')`, [graceMs])
      .whereRaw(`exists (select 1 from zaak_rollen r where r.zaak_id = z.id and r.omschrijving_generiek = 'initiator' and r.email is not null)`)
      .whereRaw(`not exists (select 1 from burger_statuslinks l where l.zaak_id = z.id and l.purpose = 'intake')`)
      .orderBy('z.created_at')
      .limit(limit)
      .select<{ id: string }[]>('z.id');
    return rows.map((row) => row.id);
  }

  /**
   * Revokes live intake links older than `graceMs` whose mail never went out; returns their zaken.
   * The revoke is the claim: of two servers sweeping at once, one gets each link.
   */
  async revokeUnmailedIntakeLinks(graceMs: number): Promise<string[]> {
    const rows = await this.db('burger_statuslinks')
      .where('purpose', 'intake')
      .whereNull('mailed_at')
      .whereNull('revoked_at')
      .whereRaw(`created_at < now() - (? * interval '1 millisecond')`, [graceMs])
      .update({ revoked_at: this.db.fn.now(), revoked_by: 'systeem (niet verzonden)' })
      .returning<{ zaak_id: string }[]>('zaak_id');
    return rows.map((row) => row.zaak_id);
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
