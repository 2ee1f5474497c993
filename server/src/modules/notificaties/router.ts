import { Router, type RequestHandler } from 'express';
import type { OpenApiRegistry } from '../../http/openapi.js';
import { parseInput } from '../catalogus/index.js';
import { requirePrincipal, type Role } from '../auth/index.js';
import {
  abonnementBodySchema,
  abonnementPatchSchema,
  abonnementResponseSchema,
  abonnementenResponseSchema,
  afleveringenQuerySchema,
  afleveringenResponseSchema,
  idParamsSchema,
} from './schemas.js';
import { authHint, type NotificatieService } from './service.js';
import type { Abonnement, Aflevering } from './types.js';

export interface NotificatiesRouterOptions {
  service: NotificatieService;
  requireRole: (...roles: Role[]) => RequestHandler;
  openApi?: OpenApiRegistry;
}

const BASE = '/api/notificaties';
const ABONNEMENTEN = `${BASE}/abonnementen`;
const BEHEER: Role[] = ['beheerder'];

function describeOperations(openApi: OpenApiRegistry): void {
  const tags = ['notificaties'];
  const access = { roles: BEHEER };
  const one = {
    description: 'The abonnement (the Authorization value only as a hint)',
    schema: abonnementResponseSchema,
  };
  const missing = { description: 'No such abonnement' };
  openApi.register({
    method: 'get',
    path: ABONNEMENTEN,
    summary: 'Abonnementen on zaak notificaties (webhooks in ZGW Notificaties shape)',
    tags,
    responses: { 200: { description: 'Every abonnement', schema: abonnementenResponseSchema } },
    access,
  });
  openApi.register({
    method: 'post',
    path: ABONNEMENTEN,
    summary: 'Subscribe a callback URL to kanalen, optionally filtered on kenmerken',
    tags,
    body: abonnementBodySchema,
    responses: { 201: one },
    access,
  });
  openApi.register({
    method: 'get',
    path: `${ABONNEMENTEN}/:id`,
    summary: 'One abonnement',
    tags,
    params: idParamsSchema,
    responses: { 200: one, 404: missing },
    access,
  });
  openApi.register({
    method: 'patch',
    path: `${ABONNEMENTEN}/:id`,
    summary: 'Change the callback URL, Authorization value or kanalen',
    tags,
    params: idParamsSchema,
    body: abonnementPatchSchema,
    responses: { 200: one, 404: missing },
    access,
  });
  openApi.register({
    method: 'delete',
    path: `${ABONNEMENTEN}/:id`,
    summary: 'End an abonnement (its pending afleveringen are dropped)',
    tags,
    params: idParamsSchema,
    responses: { 204: { description: 'Ended' }, 404: missing },
    access,
  });
  openApi.register({
    method: 'get',
    path: `${BASE}/afleveringen`,
    summary: 'Afleveringen newest first, with state and every attempt',
    tags,
    query: afleveringenQuerySchema,
    responses: { 200: { description: 'Afleveringen', schema: afleveringenResponseSchema } },
    access,
  });
}

/** `/api/notificaties`: beheerders manage abonnementen and follow their afleveringen. */
export function notificatiesRouter(options: NotificatiesRouterOptions): Router {
  const { service } = options;
  if (options.openApi) describeOperations(options.openApi);
  const router = Router();
  const beheer = options.requireRole(...BEHEER);
  const idOf = (params: unknown) => parseInput(idParamsSchema, params, 'path').id;

  router.get(ABONNEMENTEN, beheer, async (_req, res) => {
    res.json({ abonnementen: (await service.list()).map(abonnementJson) });
  });
  router.post(ABONNEMENTEN, beheer, async (req, res) => {
    const input = parseInput(abonnementBodySchema, req.body, 'abonnement');
    res
      .status(201)
      .json(abonnementJson(await service.create(input, requirePrincipal(req).username)));
  });
  router.get(`${ABONNEMENTEN}/:id`, beheer, async (req, res) => {
    res.json(abonnementJson(await service.get(idOf(req.params))));
  });
  router.patch(`${ABONNEMENTEN}/:id`, beheer, async (req, res) => {
    const id = idOf(req.params);
    const patch = parseInput(abonnementPatchSchema, req.body, 'abonnement');
    res.json(abonnementJson(await service.update(id, patch)));
  });
  router.delete(`${ABONNEMENTEN}/:id`, beheer, async (req, res) => {
    await service.delete(idOf(req.params));
    res.status(204).end();
  });
  router.get(`${BASE}/afleveringen`, beheer, async (req, res) => {
    const query = parseInput(afleveringenQuerySchema, req.query, 'query');
    const afleveringen = await service.afleveringen({
      state: query.state,
      abonnementId: query.abonnement,
      limit: query.limit,
    });
    res.json({ afleveringen: afleveringen.map(afleveringJson) });
  });
  return router;
}

function abonnementJson(abonnement: Abonnement) {
  return {
    id: abonnement.id,
    callbackUrl: abonnement.callbackUrl,
    authHint: authHint(abonnement.auth),
    kanalen: abonnement.kanalen,
    createdBy: abonnement.createdBy,
    createdAt: abonnement.createdAt.toISOString(),
    updatedAt: abonnement.updatedAt.toISOString(),
  };
}

function afleveringJson(aflevering: Aflevering) {
  return {
    ...aflevering,
    nextAttemptAt: aflevering.nextAttemptAt?.toISOString() ?? null,
    deliveredAt: aflevering.deliveredAt?.toISOString() ?? null,
    createdAt: aflevering.createdAt.toISOString(),
    pogingen: aflevering.pogingen.map((poging) => ({ ...poging, at: poging.at.toISOString() })),
  };
}
