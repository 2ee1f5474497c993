import { Router, type Request, type RequestHandler } from 'express';
import { auditActorOf, requirePrincipal, type Role } from '../auth/index.js';
import {
  assignBodySchema,
  completeBodySchema,
  draftBodySchema,
  taakParamsSchema,
  takenQuerySchema,
} from './schemas.js';
import type { TakenService } from './service.js';
import type { TaakUser } from './types.js';

export interface TakenRouterOptions {
  service: TakenService;
  /** auth's requireRole. */
  requireRole: (...roles: Role[]) => RequestHandler;
}

const BASE = '/api/taken';

/** `/api/taken`: the task list for behandelaars; coordinators see everything and assign. */
export function takenRouter(options: TakenRouterOptions): Router {
  const { service } = options;
  const router = Router();
  const read = options.requireRole('behandelaar', 'coordinator', 'manager');
  const work = options.requireRole('behandelaar', 'coordinator');
  const idOf = (req: Request) => taakParamsSchema.parse(req.params).id;

  router.get(BASE, read, async (req, res) => {
    const { state, ...query } = takenQuerySchema.parse(req.query);
    res.json(await service.list(userOf(req), { ...query, states: state }));
  });
  router.get(`${BASE}/:id`, read, async (req, res) => {
    res.json(await service.get(userOf(req), idOf(req)));
  });
  router.post(`${BASE}/:id/claim`, work, async (req, res) => {
    res.json(await service.claim(userOf(req), idOf(req)));
  });
  router.post(`${BASE}/:id/unclaim`, work, async (req, res) => {
    res.json(await service.unclaim(userOf(req), idOf(req)));
  });
  router.post(`${BASE}/:id/assign`, options.requireRole('coordinator'), async (req, res) => {
    const { assignee } = assignBodySchema.parse(req.body);
    res.json(await service.assign(userOf(req), idOf(req), assignee));
  });
  router.post(`${BASE}/:id/draft`, work, async (req, res) => {
    const { data } = draftBodySchema.parse(req.body);
    res.json(await service.saveDraft(userOf(req), idOf(req), data));
  });
  router.post(`${BASE}/:id/complete`, work, async (req, res) => {
    const { variables } = completeBodySchema.parse(req.body);
    res.json(await service.complete(userOf(req), idOf(req), variables));
  });
  return router;
}

function userOf(req: Request): TaakUser {
  const principal = requirePrincipal(req);
  return {
    username: principal.username,
    roles: principal.roles,
    groups: principal.groups.map((group) => group.code),
    actor: auditActorOf(principal),
    requestId: req.id,
  };
}
