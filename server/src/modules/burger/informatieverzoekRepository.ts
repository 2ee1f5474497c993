import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';

export type VerzoekStatus = 'open' | 'beantwoord';

export interface Informatieverzoek {
  id: string;
  zaakId: string;
  omschrijving: string;
  berichtNaam: string;
  correlatieSleutel: string;
  uiterlijkeDatum: string | null;
  status: VerzoekStatus;
  documentId: string | null;
  createdAt: Date;
  beantwoordAt: Date | null;
}

interface VerzoekRow {
  id: string;
  zaak_id: string;
  omschrijving: string;
  bericht_naam: string;
  correlatie_sleutel: string;
  uiterlijke_datum: string | Date | null;
  status: VerzoekStatus;
  document_id: string | null;
  created_at: Date | string;
  beantwoord_at: Date | string | null;
}

const dateText = (value: string | Date | null): string | null =>
  value === null ? null : typeof value === 'string' ? value.slice(0, 10) : localDate(value);

/** A DATE column comes back as a local-midnight Date on node-postgres. */
function localDate(value: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
}

const toVerzoek = (row: VerzoekRow): Informatieverzoek => ({
  id: row.id,
  zaakId: row.zaak_id,
  omschrijving: row.omschrijving,
  berichtNaam: row.bericht_naam,
  correlatieSleutel: row.correlatie_sleutel,
  uiterlijkeDatum: dateText(row.uiterlijke_datum),
  status: row.status,
  documentId: row.document_id,
  createdAt: new Date(row.created_at),
  beantwoordAt: row.beantwoord_at === null ? null : new Date(row.beantwoord_at),
});

export interface NewVerzoek {
  zaakId: string;
  omschrijving: string;
  berichtNaam: string;
  correlatieSleutel: string;
  uiterlijkeDatum: string | null;
  createdBy: string;
  idempotencyKey: string | null;
}

/** SQL for `burger_informatieverzoeken`. */
export class InformatieverzoekRepository {
  constructor(private readonly db: Knex) {}

  /** Inserts once per (createdBy, idempotencyKey); a repeat returns the earlier request. */
  async insert(verzoek: NewVerzoek): Promise<{ verzoek: Informatieverzoek; created: boolean }> {
    const id = randomUUID();
    const inserted: { id: string }[] = await this.db('burger_informatieverzoeken')
      .insert({
        id,
        zaak_id: verzoek.zaakId,
        omschrijving: verzoek.omschrijving,
        bericht_naam: verzoek.berichtNaam,
        correlatie_sleutel: verzoek.correlatieSleutel,
        uiterlijke_datum: verzoek.uiterlijkeDatum,
        created_by: verzoek.createdBy,
        idempotency_key: verzoek.idempotencyKey,
      })
      .onConflict(['created_by', 'idempotency_key'])
      .ignore()
      .returning('id');
    const row = inserted[0]
      ? await this.find(inserted[0].id)
      : await this.db('burger_informatieverzoeken')
          .where({ created_by: verzoek.createdBy, idempotency_key: verzoek.idempotencyKey })
          .first<VerzoekRow | undefined>()
          .then((found) => (found ? toVerzoek(found) : undefined));
    if (!row) throw new Error('informatieverzoek was not stored');
    return { verzoek: row, created: inserted.length > 0 };
  }

  async find(id: string): Promise<Informatieverzoek | undefined> {
    const row = await this.db('burger_informatieverzoeken').where('id', id).first<VerzoekRow | undefined>();
    return row ? toVerzoek(row) : undefined;
  }

  async listByZaak(zaakId: string, status?: VerzoekStatus): Promise<Informatieverzoek[]> {
    const query = this.db('burger_informatieverzoeken').where('zaak_id', zaakId);
    if (status) void query.where('status', status);
    const rows = await query.orderBy('created_at').select<VerzoekRow[]>('*');
    return rows.map(toVerzoek);
  }

  /** open → beantwoord, only once: false when another submit got there first. */
  async markAnswered(id: string, documentId: string, at: Date): Promise<boolean> {
    const updated = await this.db('burger_informatieverzoeken')
      .where({ id, status: 'open' })
      .update({ status: 'beantwoord', document_id: documentId, beantwoord_at: at });
    return updated > 0;
  }

  /** Back to open, when the answer could not be passed on to the process: the citizen may try again. */
  async reopen(id: string): Promise<void> {
    await this.db('burger_informatieverzoeken').where({ id, status: 'beantwoord' }).update({ status: 'open', beantwoord_at: null });
  }
}
