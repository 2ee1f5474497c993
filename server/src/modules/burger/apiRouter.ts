import { Router, type Request, type RequestHandler } from 'express';
import { NotFoundError } from '../../http/errors.js';
import type { OpenApiRegistry } from '../../http/openapi.js';
import type { PublicRoute } from '../../http/apiRouter.js';
import { auditContextOf, requirePrincipal } from '../auth/index.js';
import { parseInput } from '../catalogus/index.js';
import { zaakReaderRoles, type Caller } from '../zaken/index.js';
import { informatieverzoekSchema, zaakIdParamsSchema } from './schemas.js';
import type { BurgerService } from './service.js';

export interface BurgerApiRouterOptions {
  service: BurgerService;
  requireRole: (...roles: string[]) => RequestHandler;
  limiter: RequestHandler;
  openApi?: OpenApiRegistry;
}

/** The one /api route reachable without signing in: the status token is the key. */
export const burgerPublicRoutes: readonly PublicRoute[] = [{ method: 'GET', path: '/api/publiek/zaken/:token' }];

/**
 * `/api/publiek/zaken/:token` (public, same content as the status page), `/api/zaken/:id/burger`
 * (staff: link and requests; coordinators revoke or renew) and `/api/zaken/:id/informatieverzoeken`
 * (the burger.informatie-opvragen worker).
 */
export function burgerApiRouter({ service, requireRole, limiter, openApi }: BurgerApiRouterOptions): Router {
  openApi?.register({ method: 'get', path: '/api/publiek/zaken/:token', summary: "A citizen's view of their zaak (no sign-in; the token is the key)", tags: ['burger'], responses: { 200: { description: 'The public view' }, 404: { description: 'Wrong, revoked or expired token (always the same answer)' }, 429: { description: 'Too many requests from this address' } }, access: { public: true } });
  openApi?.register({ method: 'get', path: '/api/zaken/:id/burger', summary: 'Whether the citizen has a status link, and the information requests', tags: ['burger'], responses: { 200: { description: 'Overview' } }, access: { roles: [...zaakReaderRoles] } });
  openApi?.register({ method: 'post', path: '/api/zaken/:id/burger/statuslink', summary: 'Revoke the old status links and mail a new one', tags: ['burger'], responses: { 200: { description: 'Renewed (or no e-mail address known)' } }, access: { roles: ['coordinator'] } });
  openApi?.register({ method: 'delete', path: '/api/zaken/:id/burger/statuslink', summary: 'Revoke every status link of the zaak', tags: ['burger'], responses: { 204: { description: 'Revoked' } }, access: { roles: ['coordinator'] } });
  openApi?.register({ method: 'post', path: '/api/zaken/:id/informatieverzoeken', summary: 'Ask the citizen for information: suspends the zaak and mails them (idempotent on Idempotency-Key)', tags: ['burger'], body: informatieverzoekSchema, responses: { 201: { description: 'Asked' }, 200: { description: 'Already asked under this Idempotency-Key' } }, access: { roles: ['service'] } });

  const router = Router();
  const callerOf = (req: Request): Caller => ({ actor: requirePrincipal(req), audit: auditContextOf(req) });
  const zaakIdOf = (req: Request) => parseInput(zaakIdParamsSchema, req.params, 'path').id;

  router.get('/api/publiek/zaken/:token', limiter, async (req, res) => {
    res.set({ 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' });
    try {
      res.json(await service.publicView(String(req.params.token), req.id));
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
      res.status(404).json({ error: { name: 'NotFoundError', message: 'Niet gevonden' } });
    }
  });

  router.get('/api/zaken/:id/burger', requireRole(...zaakReaderRoles), async (req, res) => {
    res.json(await service.staffOverview(zaakIdOf(req), callerOf(req)));
  });

  router.post('/api/zaken/:id/burger/statuslink', requireRole('coordinator'), async (req, res) => {
    const verstuurd = await service.renew(zaakIdOf(req), callerOf(req));
    res.json({ verstuurd });
  });

  router.delete('/api/zaken/:id/burger/statuslink', requireRole('coordinator'), async (req, res) => {
    await service.revoke(zaakIdOf(req), callerOf(req));
    res.status(204).end();
  });

  router.post('/api/zaken/:id/informatieverzoeken', requireRole('service'), async (req, res) => {
    const input = parseInput(informatieverzoekSchema, req.body ?? {}, 'informatieverzoek');
    const { created, verzoek } = await service.requestInformation(zaakIdOf(req), input, req.get('idempotency-key') ?? null, callerOf(req));
    res.status(created ? 201 : 200).json(verzoek);
  });
  return router;
}
