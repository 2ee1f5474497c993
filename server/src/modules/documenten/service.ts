import type { Knex } from 'knex';
import { NotAllowedError, NotFoundError, UnsupportedMediaTypeError } from '../../http/errors.js';
import { recordAudit } from '../audit/index.js';
import type { ActionContext, Caller } from '../zaken/index.js';
import { DocumentContentStore } from './contentStore.js';
import { allowedFormats, declaredTypeFits, sniffFormat } from './contentType.js';
import { DocumentRepository } from './documentRepository.js';
import { informatieobjecttypeOf } from './informatieobjecttype.js';
import type { UploadMetadata } from './schemas.js';
import type { StoredDocument, ZaakDocument } from './types.js';

/** The zaken module as documents use it: its access checks and its locked actions; ZaakService fits. */
export interface ZaakAccess {
  find(id: string, caller: Caller): Promise<unknown>;
  act(id: string, caller: Caller, action: (context: ActionContext) => Promise<void>): Promise<unknown>;
}

/** An upload as multer left it in the store's temp folder. */
export interface UploadedFile {
  path: string;
  originalName: string;
  declaredType: string | undefined;
}

export interface DocumentServiceOptions {
  db: Knex;
  zaken: ZaakAccess;
  store: DocumentContentStore;
}

/**
 * Documents of a zaak. Who may read or add them is exactly who may read or act on the zaak;
 * deleting (soft, with a reason) is for a coordinator or whoever added the document.
 */
export class DocumentService {
  constructor(private readonly options: DocumentServiceOptions) {}

  get store(): DocumentContentStore {
    return this.options.store;
  }

  /** 404 unless the caller may see the zaak. */
  async assertZaakVisible(zaakId: string, caller: Caller): Promise<void> {
    await this.options.zaken.find(zaakId, caller);
  }

  async list(zaakId: string, caller: Caller): Promise<ZaakDocument[]> {
    await this.options.zaken.find(zaakId, caller);
    const documents = await new DocumentRepository(this.options.db).listByZaak(zaakId);
    return documents.map((document) => present(document, caller));
  }

  /** The document, when the caller may read its zaak (404 otherwise, as if it did not exist). */
  async content(id: string, caller: Caller): Promise<StoredDocument> {
    const document = await new DocumentRepository(this.options.db).find(id);
    if (!document) throw notFound(id);
    await this.options.zaken.find(document.zaakId, caller).catch(() => {
      throw notFound(id);
    });
    return document;
  }

  /**
   * Adds an uploaded file to the zaak. The content decides the format (415 when it is not
   * allowed or not what the client said); with an Idempotency-Key that this caller used before,
   * the earlier document is answered and nothing is added.
   */
  async add(
    zaakId: string,
    file: UploadedFile,
    metadata: UploadMetadata & { auteur: string },
    idempotencyKey: string | undefined,
    caller: Caller,
  ): Promise<{ created: boolean; document: ZaakDocument }> {
    const earlier = await this.earlierUpload(idempotencyKey, caller);
    if (earlier) return { created: false, document: present(earlier, caller) };
    const formaat = await checkedFormat(file);
    const { sha256, size } = await this.options.store.keep(file.path);
    let result: { id: string; created: boolean } | undefined;
    await this.options.zaken.act(zaakId, caller, async (context) => {
      const typed = informatieobjecttypeOf(context.version, metadata.informatieobjecttype);
      const document = {
        zaakId,
        titel: metadata.titel,
        informatieobjecttype: typed.omschrijving,
        vertrouwelijkheidaanduiding:
          metadata.vertrouwelijkheidaanduiding ??
          typed.vertrouwelijkheidaanduiding ??
          context.zaak.vertrouwelijkheidaanduiding,
        auteur: metadata.auteur,
        bestandsnaam: metadata.bestandsnaam ?? file.originalName,
        formaat,
        bestandsomvang: size,
        sha256,
        toegevoegdDoor: caller.actor.username,
      };
      result = await new DocumentRepository(context.trx).insert({ ...document, idempotencyKey });
      if (!result.created) return;
      await recordAudit(context.trx, {
        actor: caller.audit.actor,
        requestId: caller.audit.requestId,
        action: 'document.toegevoegd',
        resourceType: 'document',
        resourceId: result.id,
        zaakId,
        oldValue: null,
        newValue: { id: result.id, ...document },
        remark: context.zaak.identificatie,
      });
    });
    if (!result) throw new Error('document was not stored');
    const repository = new DocumentRepository(this.options.db);
    const stored = result.created
      ? await repository.find(result.id)
      : await this.earlierUpload(idempotencyKey, caller);
    if (!stored) throw new Error(`document ${result.id} disappeared`);
    return { created: result.created, document: present(stored, caller) };
  }

  async delete(id: string, reden: string, caller: Caller): Promise<void> {
    const document = await this.content(id, caller);
    if (!mayDelete(document, caller)) {
      throw new NotAllowedError(
        'Alleen een coördinator of wie het document heeft toegevoegd mag het verwijderen',
        { id },
      );
    }
    await this.options.zaken.act(document.zaakId, caller, async (context) => {
      if (!(await new DocumentRepository(context.trx).markDeleted(id, caller.actor.username, reden)))
        throw notFound(id);
      await recordAudit(context.trx, {
        actor: caller.audit.actor,
        requestId: caller.audit.requestId,
        action: 'document.verwijderd',
        resourceType: 'document',
        resourceId: id,
        zaakId: document.zaakId,
        oldValue: document,
        newValue: null,
        remark: reden,
      });
    });
  }

  private async earlierUpload(key: string | undefined, caller: Caller) {
    if (!key) return undefined;
    return new DocumentRepository(this.options.db).findByIdempotencyKey(caller.actor.username, key);
  }
}

async function checkedFormat(file: UploadedFile): Promise<string> {
  const found = await sniffFormat(file.path);
  const allowed = Object.values(allowedFormats).join(', ');
  if (!found || !allowedFormats[found.mime]) {
    throw new UnsupportedMediaTypeError(
      `Dit bestandstype is niet toegestaan${found ? ` (${found.mime})` : ''}; toegestaan zijn ${allowed}`,
      { found: found?.mime ?? null, allowed: Object.keys(allowedFormats) },
    );
  }
  if (!declaredTypeFits(file.declaredType, found.mime)) {
    throw new UnsupportedMediaTypeError(
      `De inhoud van het bestand (${found.mime}) past niet bij het opgegeven type (${file.declaredType ?? ''}); controleer of de extensie van "${file.originalName}" klopt`,
      { found: found.mime, declared: file.declaredType },
    );
  }
  return found.mime;
}

function mayDelete(document: StoredDocument, caller: Caller): boolean {
  return caller.actor.roles.includes('coordinator') || document.toegevoegdDoor === caller.actor.username;
}

function present(document: StoredDocument, caller: Caller): ZaakDocument {
  return {
    ...document,
    inhoud: `/api/documenten/${document.id}/inhoud`,
    verwijderbaar: mayDelete(document, caller),
  };
}

function notFound(id: string): NotFoundError {
  return new NotFoundError(`Document ${id} bestaat niet of u heeft er geen toegang toe`, { id });
}
