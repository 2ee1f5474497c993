import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { Vertrouwelijkheidaanduiding } from '../catalogus/index.js';
import type { NewDocument, StoredDocument } from './types.js';

interface DocumentRow {
  id: string;
  zaak_id: string;
  titel: string;
  informatieobjecttype: string;
  vertrouwelijkheidaanduiding: string;
  auteur: string;
  bestandsnaam: string;
  formaat: string;
  bestandsomvang: string | number;
  sha256: string;
  created_by: string;
  created_at: Date | string;
}

const columns = [
  'id',
  'zaak_id',
  'titel',
  'informatieobjecttype',
  'vertrouwelijkheidaanduiding',
  'auteur',
  'bestandsnaam',
  'formaat',
  'bestandsomvang',
  'sha256',
  'created_by',
  'created_at',
];

/** SQL over `documenten`; deleted documents are invisible to every read here. */
export class DocumentRepository {
  constructor(private readonly db: Knex) {}

  async find(id: string): Promise<StoredDocument | undefined> {
    const row = (await this.db('documenten')
      .select(columns)
      .where({ id })
      .whereNull('deleted_at')
      .first()) as DocumentRow | undefined;
    return row ? toDocument(row) : undefined;
  }

  async listByZaak(zaakId: string): Promise<StoredDocument[]> {
    const rows = await this.db('documenten')
      .select<DocumentRow[]>(columns)
      .where({ zaak_id: zaakId })
      .whereNull('deleted_at')
      .orderBy([{ column: 'created_at' }, { column: 'id' }]);
    return rows.map(toDocument);
  }

  /** The document an uploader already added with this Idempotency-Key, deleted or not. */
  async findByIdempotencyKey(createdBy: string, key: string): Promise<StoredDocument | undefined> {
    const row = (await this.db('documenten')
      .select(columns)
      .where({ created_by: createdBy, idempotency_key: key })
      .first()) as DocumentRow | undefined;
    return row ? toDocument(row) : undefined;
  }

  /** Inserts the document; with an Idempotency-Key already used by this uploader, inserts nothing. */
  async insert(document: NewDocument): Promise<{ id: string; created: boolean }> {
    const id = randomUUID();
    const inserted = await this.db('documenten')
      .insert({
        id,
        zaak_id: document.zaakId,
        titel: document.titel,
        informatieobjecttype: document.informatieobjecttype,
        vertrouwelijkheidaanduiding: document.vertrouwelijkheidaanduiding,
        auteur: document.auteur,
        bestandsnaam: document.bestandsnaam,
        formaat: document.formaat,
        bestandsomvang: document.bestandsomvang,
        sha256: document.sha256,
        created_by: document.toegevoegdDoor,
        idempotency_key: document.idempotencyKey ?? null,
      })
      .onConflict(['created_by', 'idempotency_key'])
      .ignore()
      .returning('id');
    return { id, created: inserted.length > 0 };
  }

  async markDeleted(id: string, deletedBy: string, reden: string): Promise<boolean> {
    const count = await this.db('documenten')
      .where({ id })
      .whereNull('deleted_at')
      .update({ deleted_at: this.db.fn.now(), deleted_by: deletedBy, verwijder_reden: reden });
    return count > 0;
  }
}

function toDocument(row: DocumentRow): StoredDocument {
  return {
    id: row.id,
    zaakId: row.zaak_id,
    titel: row.titel,
    informatieobjecttype: row.informatieobjecttype,
    vertrouwelijkheidaanduiding: row.vertrouwelijkheidaanduiding as Vertrouwelijkheidaanduiding,
    auteur: row.auteur,
    bestandsnaam: row.bestandsnaam,
    formaat: row.formaat,
    bestandsomvang: Number(row.bestandsomvang),
    sha256: row.sha256,
    creatiedatum: new Date(row.created_at).toISOString(),
    toegevoegdDoor: row.created_by,
  };
}
