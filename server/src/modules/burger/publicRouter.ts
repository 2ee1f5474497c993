import { randomUUID } from 'node:crypto';
import { Router, type Request, type RequestHandler, type Response } from 'express';
import multer from 'multer';
import { ApplicationError, NotFoundError } from '../../http/errors.js';
import type { BurgerService } from './service.js';
import { notFoundPage, statusPage, tryAgainPage } from './statusPage.js';
import { formTokenFits } from './statusToken.js';

export interface PublicRouterOptions {
  service: BurgerService;
  /** Applied to every public route (per-IP rate limit). */
  limiter: RequestHandler;
  maxUploadMb: number;
  /** Where multer may write the upload before the documenten service checks and keeps it. */
  tempDirectory: string;
  /** Removes the temp file once the request is done (the documenten store kept its own copy). */
  discard: (path: string) => Promise<void>;
}

/** The citizen's pages, outside /api and outside authentication: the status token is the key. */
export function publicStatusRouter({ service, limiter, maxUploadMb, tempDirectory, discard }: PublicRouterOptions): Router {
  const router = Router();
  const upload = multer({
    storage: multer.diskStorage({ destination: tempDirectory, filename: (_req, _file, callback) => callback(null, `${randomUUID()}.upload`) }),
    defParamCharset: 'utf8',
    limits: { fileSize: Math.floor(maxUploadMb * 1024 * 1024), files: 1, fields: 2 },
  }).single('inhoud');

  router.use('/status', limiter, (_req, res, next) => {
    // The token is in the URL: keep it out of caches, referrers and search engines.
    res.set({
      'Cache-Control': 'no-store',
      'Referrer-Policy': 'no-referrer',
      'X-Robots-Tag': 'noindex',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    });
    next();
  });

  const render = async (req: Request, res: Response, options: { ontvangen?: boolean; fout?: { verzoekId: string; melding: string }; status?: number } = {}) => {
    const token = String(req.params.token);
    const view = await service.publicView(token, req.id);
    res.status(options.status ?? 200).type('html').send(statusPage(view, { token, maxUploadMb, ...options }));
  };

  router.get('/status/:token', async (req, res) => {
    try {
      await render(req, res, { ontvangen: req.query.ontvangen === '1' });
    } catch (error) {
      sendNotFoundOr(error, res);
    }
  });

  router.post('/status/:token/verzoeken/:verzoekId', async (req, res) => {
    const token = String(req.params.token);
    const verzoekId = String(req.params.verzoekId);
    try {
      // No valid link, no upload: nobody fills the disk without one.
      await service.resolve(token);
      if (req.get('sec-fetch-site') === 'cross-site') throw new NotFoundError('Niet gevonden');
      await receive(upload, req, res);
      if (!formTokenFits((req.body as Record<string, unknown> | undefined)?.formulier, token, verzoekId)) {
        throw new NotFoundError('Niet gevonden');
      }
      const file = req.file;
      if (!file) {
        await render(req, res, { status: 400, fout: { verzoekId, melding: 'Kies eerst een bestand.' } });
        return;
      }
      await service.answer(token, verzoekId, { path: file.path, originalName: file.originalname, declaredType: file.mimetype || undefined }, req.id);
      res.redirect(303, `/status/${encodeURIComponent(token)}?ontvangen=1`);
    } catch (error) {
      const melding = refusal(error, maxUploadMb);
      if (melding) await render(req, res, { status: statusOf(error), fout: { verzoekId, melding } });
      else if (error instanceof NotFoundError) sendNotFoundOr(error, res);
      else {
        // The citizen gets a plain page; the details go to the log, as the error middleware would.
        req.log.error({ err: error }, 'citizen upload failed');
        res.status(503).type('html').send(tryAgainPage());
      }
    } finally {
      if (req.file) await discard(req.file.path);
    }
  });
  return router;
}

/** multer as a promise; a file over the limit becomes the same refusal as in documenten. */
function receive(upload: RequestHandler, req: Request, res: Response): Promise<void> {
  return new Promise((resolve, reject) => {
    upload(req, res, (error: unknown) => (error ? reject(error instanceof Error ? error : new Error("upload failed")) : resolve()));
  });
}

/** What the citizen can fix themselves, in plain words; undefined for anything else. */
function refusal(error: unknown, maxUploadMb: number): string | undefined {
  if (error instanceof multer.MulterError && error.code === 'LIMIT_FILE_SIZE') return `Het bestand is te groot. Het mag maximaal ${maxUploadMb} MB zijn.`;
  if (error instanceof ApplicationError && error.name === 'UnsupportedMediaTypeError') return 'Dit soort bestand kunnen wij niet aannemen. Stuur een PDF, een foto (JPG of PNG), een Word-bestand of een tekstbestand.';
  if (error instanceof ApplicationError && error.name === 'PayloadTooLargeError') return `Het bestand is te groot. Het mag maximaal ${maxUploadMb} MB zijn.`;
  return undefined;
}

function statusOf(error: unknown): number {
  if (error instanceof ApplicationError && error.name === 'UnsupportedMediaTypeError') return 415;
  return 413;
}

function sendNotFoundOr(error: unknown, res: Response): void {
  if (res.headersSent) return;
  if (error instanceof NotFoundError) {
    res.status(404).type('html').send(notFoundPage());
    return;
  }
  throw error;
}
