import { randomUUID } from 'node:crypto';
import { Router, type Request, type RequestHandler } from 'express';
import multer from 'multer';
import { InputError, PayloadTooLargeError } from '../../http/errors.js';
import type { OpenApiRegistry } from '../../http/openapi.js';
import { auditContextOf, requirePrincipal } from '../auth/index.js';
import { parseInput } from '../catalogus/index.js';
import { zaakActorRoles, zaakReaderRoles, type Caller } from '../zaken/index.js';
import { contentDisposition } from './contentDisposition.js';
import { inlineFormats } from './contentType.js';
import { registerDocumentenOperations } from './documentenApiDocs.js';
import {
  documentIdParamsSchema,
  idempotencyKeySchema,
  uploadMetadataSchema,
  verwijderSchema,
  zaakIdParamsSchema,
} from './schemas.js';
import type { DocumentService } from './service.js';

export interface DocumentenRouterOptions {
  service: DocumentService;
  /** auth's requireRole. */
  requireRole: (...roles: string[]) => RequestHandler;
  /** MAX_UPLOAD_MB. */
  maxUploadMb: number;
  openApi?: OpenApiRegistry;
}

/** The multipart field that carries the file. */
export const FILE_FIELD = 'inhoud';

/** `/api/zaken/:id/documenten` and `/api/documenten/:id`: the documents of a zaak. */
export function documentenRouter(options: DocumentenRouterOptions): Router {
  const { service, maxUploadMb } = options;
  if (options.openApi) registerDocumentenOperations(options.openApi, maxUploadMb);
  const router = Router();
  const read = options.requireRole(...zaakReaderRoles);
  const act = options.requireRole(...zaakActorRoles);
  const callerOf = (req: Request): Caller => ({
    actor: requirePrincipal(req),
    audit: auditContextOf(req),
  });
  const zaakIdOf = (req: Request) => parseInput(zaakIdParamsSchema, req.params, 'path').id;
  const documentIdOf = (req: Request) => parseInput(documentIdParamsSchema, req.params, 'path').id;
  const receive = uploadMiddleware(service.store.tempDirectory, maxUploadMb);

  // The zaak is checked before the file is received: no one fills the disk for a zaak they cannot see.
  const zaakVisible: RequestHandler = async (req, _res, next) => {
    await service.assertZaakVisible(zaakIdOf(req), callerOf(req));
    next();
  };

  router.get('/api/zaken/:id/documenten', read, async (req, res) => {
    // The limit comes along so that a client can refuse a large file before sending it.
    res.json({ documenten: await service.list(zaakIdOf(req), callerOf(req)), maxUploadMb });
  });

  router.post('/api/zaken/:id/documenten', act, zaakVisible, receive, async (req, res) => {
    const file = req.file;
    try {
      if (!file) {
        throw new InputError(`${FILE_FIELD}: kies een bestand om te uploaden (multipart-veld "${FILE_FIELD}")`, {
          field: FILE_FIELD,
        });
      }
      const key = parseInput(idempotencyKeySchema, req.get('idempotency-key'), 'Idempotency-Key header');
      const metadata = parseInput(uploadMetadataSchema, req.body ?? {}, 'document');
      const principal = requirePrincipal(req);
      const { created, document } = await service.add(
        zaakIdOf(req),
        { path: file.path, originalName: file.originalname, declaredType: file.mimetype || undefined },
        { ...metadata, auteur: metadata.auteur ?? principal.displayName },
        key,
        callerOf(req),
      );
      res.status(created ? 201 : 200).json(document);
    } finally {
      if (file) await service.store.discard(file.path);
    }
  });

  router.get('/api/documenten/:id/inhoud', read, async (req, res) => {
    const document = await service.content(documentIdOf(req), callerOf(req));
    const inline = inlineFormats.has(document.formaat);
    res.setHeader('Content-Type', document.formaat === 'text/plain' ? 'text/plain; charset=utf-8' : document.formaat);
    res.setHeader('Content-Length', String(document.bestandsomvang));
    res.setHeader('Content-Disposition', contentDisposition(inline ? 'inline' : 'attachment', document.bestandsnaam));
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'private, no-store');
    res.setHeader('ETag', `"${document.sha256}"`);
    const stream = service.store.read(document.sha256);
    await new Promise<void>((resolve, reject) => {
      stream.once('error', reject);
      res.once('close', () => resolve());
      stream.pipe(res);
    });
  });

  router.delete('/api/documenten/:id', act, async (req, res) => {
    const { reden } = parseInput(verwijderSchema, req.body ?? {}, 'verwijdering');
    await service.delete(documentIdOf(req), reden, callerOf(req));
    res.status(204).end();
  });

  return router;
}

/** multer, writing into the store's temp folder, with refusals turned into the API's errors. */
function uploadMiddleware(tempDirectory: string, maxUploadMb: number): RequestHandler {
  const upload = multer({
    storage: multer.diskStorage({
      destination: tempDirectory,
      filename: (_req, _file, callback) => callback(null, `${randomUUID()}.upload`),
    }),
    // Browsers send file names as UTF-8 ("Beschikking café.pdf"), not latin1.
    defParamCharset: 'utf8',
    limits: { fileSize: Math.floor(maxUploadMb * 1024 * 1024), files: 1, fields: 10 },
  }).single(FILE_FIELD);
  return (req, res, next) => {
    upload(req, res, (error: unknown) => {
      if (!error) return next();
      if (error instanceof multer.MulterError) {
        if (error.code === 'LIMIT_FILE_SIZE') {
          return next(
            new PayloadTooLargeError(
              `Het bestand is te groot: maximaal ${maxUploadMb} MB toegestaan (file too large: the limit is ${maxUploadMb} MB)`,
              { field: FILE_FIELD, maxUploadMb },
            ),
          );
        }
        return next(new InputError(`${error.field ?? FILE_FIELD}: ${error.message}`, { code: error.code }));
      }
      next(error);
    });
  };
}
