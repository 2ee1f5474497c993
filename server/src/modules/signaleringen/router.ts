import { Router, type Request, type RequestHandler } from 'express';
import type { OpenApiRegistry } from '../../http/openapi.js';
import { requirePrincipal, type Role } from '../auth/index.js';
import {
  countResponseSchema,
  idParamsSchema,
  listQuerySchema,
  listResponseSchema,
  markAllResponseSchema,
  settingsBodySchema,
  settingsResponseSchema,
  werkdagenBodySchema,
  werkdagenResponseSchema,
  zaaktypeParamsSchema,
} from './schemas.js';
import type { SignaleringService } from './service.js';
import type { Signalering, SignaleringUser } from './types.js';

export interface SignaleringenRouterOptions {
  service: SignaleringService;
  requireRole: (...roles: Role[]) => RequestHandler;
  openApi?: OpenApiRegistry;
}

const BASE = '/api/signaleringen';
/** Every employee has signaleringen of their own; services (job workers) have none. */
const STAFF: Role[] = ['behandelaar', 'coordinator', 'manager', 'beheerder'];
const BEHEER: Role[] = ['beheerder'];

function describeOperations(openApi: OpenApiRegistry): void {
  const tags = ['signaleringen'];
  const staff = { roles: STAFF };
  openApi.register({ method: 'get', path: BASE, summary: 'My signaleringen, newest first (only what I may still see)', tags, query: listQuerySchema, responses: { 200: { description: 'Signaleringen and the unread count', schema: listResponseSchema } }, access: staff });
  openApi.register({ method: 'get', path: `${BASE}/aantal`, summary: 'How many of my signaleringen are unread (for the header)', tags, responses: { 200: { description: 'The unread count', schema: countResponseSchema } }, access: staff });
  openApi.register({ method: 'post', path: `${BASE}/:id/gelezen`, summary: 'Mark one signalering read', tags, params: idParamsSchema, responses: { 204: { description: 'Marked read' }, 404: { description: 'Not one of mine' } }, access: staff });
  openApi.register({ method: 'post', path: `${BASE}/gelezen`, summary: 'Mark all my signaleringen read', tags, responses: { 200: { description: 'How many were marked', schema: markAllResponseSchema } }, access: staff });
  openApi.register({ method: 'get', path: `${BASE}/instellingen`, summary: 'Per event: dashboard and/or e-mail', tags, responses: { 200: { description: 'My settings, every event', schema: settingsResponseSchema } }, access: staff });
  openApi.register({ method: 'put', path: `${BASE}/instellingen`, summary: 'Change my settings for one or more events', tags, body: settingsBodySchema, responses: { 200: { description: 'My settings, every event', schema: settingsResponseSchema } }, access: staff });
  openApi.register({ method: 'get', path: `${BASE}/zaaktypen/:identificatie`, summary: 'Working days before streef- or fatale datum that a zaak of this zaaktype is near', tags, params: zaaktypeParamsSchema, responses: { 200: { description: 'The term (default 5)', schema: werkdagenResponseSchema }, 404: { description: 'No such zaaktype' } }, access: { roles: BEHEER } });
  openApi.register({ method: 'put', path: `${BASE}/zaaktypen/:identificatie`, summary: 'Set that term for a zaaktype', tags, params: zaaktypeParamsSchema, body: werkdagenBodySchema, responses: { 200: { description: 'The term', schema: werkdagenResponseSchema }, 404: { description: 'No such zaaktype' } }, access: { roles: BEHEER } });
}

/** `/api/signaleringen`: the caller's own signaleringen and settings; beheerders set the term per zaaktype. */
export function signaleringenRouter(options: SignaleringenRouterOptions): Router {
  const { service } = options;
  if (options.openApi) describeOperations(options.openApi);
  const router = Router();
  const staff = options.requireRole(...STAFF);
  const beheer = options.requireRole(...BEHEER);

  router.get(BASE, staff, async (req, res) => {
    const query = listQuerySchema.parse(req.query);
    const { signaleringen, ongelezen } = await service.list(userOf(req), query);
    res.json({ signaleringen: signaleringen.map(toJson), ongelezen });
  });
  router.get(`${BASE}/aantal`, staff, async (req, res) => {
    res.json({ ongelezen: await service.unreadCount(userOf(req)) });
  });
  router.post(`${BASE}/gelezen`, staff, async (req, res) => {
    res.json({ ongelezen: 0, gemarkeerd: await service.markAllRead(userOf(req)) });
  });
  router.post(`${BASE}/:id/gelezen`, staff, async (req, res) => {
    await service.markRead(userOf(req), idParamsSchema.parse(req.params).id);
    res.status(204).end();
  });
  router.get(`${BASE}/instellingen`, staff, async (req, res) => {
    res.json({ instellingen: await service.settings(userOf(req)) });
  });
  router.put(`${BASE}/instellingen`, staff, async (req, res) => {
    const { instellingen } = settingsBodySchema.parse(req.body);
    res.json({ instellingen: await service.saveSettings(userOf(req), instellingen) });
  });
  router.get(`${BASE}/zaaktypen/:identificatie`, beheer, async (req, res) => {
    res.json(await service.werkdagen(zaaktypeParamsSchema.parse(req.params).identificatie));
  });
  router.put(`${BASE}/zaaktypen/:identificatie`, beheer, async (req, res) => {
    const { identificatie } = zaaktypeParamsSchema.parse(req.params);
    const { werkdagen } = werkdagenBodySchema.parse(req.body);
    res.json(await service.saveWerkdagen(identificatie, werkdagen));
  });
  return router;
}

function userOf(req: Request): SignaleringUser {
  const principal = requirePrincipal(req);
  return { username: principal.username, groups: principal.groups };
}

function toJson(signalering: Signalering) {
  return { ...signalering, createdAt: signalering.createdAt.toISOString(), readAt: signalering.readAt?.toISOString() ?? null };
}
