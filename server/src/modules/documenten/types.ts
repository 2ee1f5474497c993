import type { Vertrouwelijkheidaanduiding } from '../catalogus/index.js';

/** One document of a zaak, as stored (without who may delete it). */
export interface StoredDocument {
  id: string;
  zaakId: string;
  titel: string;
  informatieobjecttype: string;
  vertrouwelijkheidaanduiding: Vertrouwelijkheidaanduiding;
  auteur: string;
  bestandsnaam: string;
  formaat: string;
  bestandsomvang: number;
  sha256: string;
  creatiedatum: string;
  toegevoegdDoor: string;
}

/** A document as the API answers it. */
export interface ZaakDocument extends StoredDocument {
  inhoud: string;
  verwijderbaar: boolean;
}

export type NewDocument = Omit<StoredDocument, 'id' | 'creatiedatum'> & {
  idempotencyKey: string | undefined;
};
