import { apiFetch } from '../../../lib/api';

/** A document of a zaak, as `/api/zaken/:id/documenten` lists it. */
export interface ZaakDocument {
  id: string;
  zaakId: string;
  titel: string;
  informatieobjecttype: string;
  vertrouwelijkheidaanduiding: string;
  auteur: string;
  bestandsnaam: string;
  formaat: string;
  bestandsomvang: number;
  creatiedatum: string;
  toegevoegdDoor: string;
  /** Download path. */
  inhoud: string;
  verwijderbaar: boolean;
}

export interface DocumentenList {
  documenten: ZaakDocument[];
  /** The server's MAX_UPLOAD_MB. */
  maxUploadMb: number;
}

export function getZaakDocumenten(zaakId: string, signal?: AbortSignal): Promise<DocumentenList> {
  return apiFetch(`/api/zaken/${encodeURIComponent(zaakId)}/documenten`, { signal });
}

export function uploadDocument(
  zaakId: string,
  input: { bestand: File; titel: string; informatieobjecttype: string },
): Promise<ZaakDocument> {
  const form = new FormData();
  form.set('titel', input.titel);
  form.set('informatieobjecttype', input.informatieobjecttype);
  form.set('inhoud', input.bestand, input.bestand.name);
  return apiFetch(`/api/zaken/${encodeURIComponent(zaakId)}/documenten`, {
    method: 'POST',
    body: form,
  });
}

export function deleteDocument(id: string, reden: string): Promise<void> {
  return apiFetch(`/api/documenten/${encodeURIComponent(id)}`, {
    method: 'DELETE',
    body: { reden },
  });
}
