import { z } from 'zod';
import type { OpenApiRegistry } from '../../http/openapi.js';
import { zaakActorRoles, zaakReaderRoles } from '../zaken/index.js';
import {
  documentIdParamsSchema,
  documentSchema,
  uploadMetadataSchema,
  verwijderSchema,
  zaakIdParamsSchema,
} from './schemas.js';

const tags = ['documenten'];
const hidden = {
  description: 'No such zaak or document, or the caller is not authorised for the zaak',
};

export function registerDocumentenOperations(openApi: OpenApiRegistry, maxUploadMb: number): void {
  openApi.register({
    method: 'get',
    path: '/api/zaken/:id/documenten',
    summary: 'The documents of a zaak (deleted ones left out)',
    tags,
    params: zaakIdParamsSchema,
    responses: {
      200: { description: 'The documents, oldest first', schema: z.object({ documenten: z.array(documentSchema), maxUploadMb: z.number().meta({ description: 'MAX_UPLOAD_MB' }) }) },
      404: hidden,
    },
    access: { roles: zaakReaderRoles },
  });
  openApi.register({
    method: 'post',
    path: '/api/zaken/:id/documenten',
    summary: 'Upload a document to a zaak',
    description: `multipart/form-data with the file in field "inhoud" (at most ${maxUploadMb} MB: MAX_UPLOAD_MB). The format is judged by the content: PDF, PNG, JPEG, DOCX, XLSX, ODT or plain text. With an Idempotency-Key header used before by the same caller, the earlier document is answered (200).`,
    tags,
    params: zaakIdParamsSchema,
    body: uploadMetadataSchema.extend({ inhoud: z.string().meta({ format: 'binary' }) }),
    bodyMediaTypes: ['multipart/form-data'],
    responses: {
      201: { description: 'Added', schema: documentSchema },
      200: { description: 'Added before with this Idempotency-Key', schema: documentSchema },
      404: hidden,
      413: { description: `Larger than ${maxUploadMb} MB` },
      415: { description: 'Not an allowed format, or not the format the client declared' },
    },
    access: { roles: zaakActorRoles },
  });
  openApi.register({
    method: 'get',
    path: '/api/documenten/:id/inhoud',
    summary: 'Download the content of a document',
    description: 'PDF and images are shown inline; other formats are downloaded (Content-Disposition: attachment).',
    tags,
    params: documentIdParamsSchema,
    responses: { 200: { description: 'The file, with the format as Content-Type' }, 404: hidden },
    access: { roles: zaakReaderRoles },
  });
  openApi.register({
    method: 'delete',
    path: '/api/documenten/:id',
    summary: 'Delete a document (kept in the audit trail, with the reason)',
    description: 'For a coordinator, or for whoever added the document.',
    tags,
    params: documentIdParamsSchema,
    body: verwijderSchema,
    responses: { 204: { description: 'Deleted' }, 403: { description: 'Neither coordinator nor uploader' }, 404: hidden },
    access: { roles: zaakActorRoles },
  });
}
