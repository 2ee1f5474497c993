import { Router, type Request, type RequestHandler } from 'express';
import { auditActorOf, requirePrincipal, type Role } from '../auth/index.js';
import {
  assignBodySchema,
  completeBodySchema,
  draftBodySchema,
  taakParamsSchema,
  takenQuerySchema,
  verdelenBodySchema,
} from './schemas.js';
import type { OpenApiRegistry } from '../../http/openapi.js';
import type { TakenService } from './service.js';
import type { TaakUser } from './types.js';

export interface TakenRouterOptions {
  service: TakenService;
  /** auth's requireRole. */
  requireRole: (...roles: Role[]) => RequestHandler;
  openApi?: OpenApiRegistry;
}

/** A beheerder reads and completes only the tasks of their own proefrun (see access.ts). */
const READERS: Role[] = ['behandelaar', 'coordinator', 'manager', 'beheerder'];
const WORKERS: Role[] = ['behandelaar', 'coordinator', 'beheerder'];
const taskResponse = { 200: { description: 'The task' } };

function describeOperations(openApi: OpenApiRegistry): void {
  const tags = ['taken'];
  openApi.register({
    method: 'get',
    path: BASE,
    summary: "Tasks: mine, my groups' or (coordinator) all",
    tags,
    query: takenQuerySchema,
    responses: { 200: { description: 'A page of tasks' } },
    access: { roles: READERS },
  });
  openApi.register({
    method: 'get',
    path: `${BASE}/medewerkers`,
    summary: 'Behandelaars a coordinator can give tasks to',
    tags,
    responses: { 200: { description: 'Active behandelaars with their groups' } },
    access: { roles: ['coordinator'] },
  });
  openApi.register({
    method: 'post',
    path: `${BASE}/verdelen`,
    summary:
      'Give several tasks to one behandelaar, or back to their groups (assignee null); all or nothing, the reason is audited',
    tags,
    body: verdelenBodySchema,
    responses: {
      200: { description: 'The changed tasks' },
      409: { description: 'A task is done or gone; nothing changed' },
    },
    access: { roles: ['coordinator'] },
  });
  openApi.register({
    method: 'get',
    path: `${BASE}/:id`,
    summary: 'One task',
    tags,
    params: taakParamsSchema,
    responses: { 200: { description: 'The task, with the form-js schema its form shows' } },
    access: { roles: READERS },
  });
  for (const [action, summary] of [
    ['claim', 'Take the task'],
    ['unclaim', 'Give the task back to the group'],
  ] as const) {
    openApi.register({
      method: 'post',
      path: `${BASE}/:id/${action}`,
      summary,
      tags,
      params: taakParamsSchema,
      responses: taskResponse,
      access: { roles: WORKERS },
    });
  }
  openApi.register({
    method: 'post',
    path: `${BASE}/:id/assign`,
    summary: 'Assign the task to a behandelaar',
    tags,
    params: taakParamsSchema,
    body: assignBodySchema,
    responses: taskResponse,
    access: { roles: ['coordinator'] },
  });
  openApi.register({
    method: 'post',
    path: `${BASE}/:id/draft`,
    summary: 'Save the form as a draft',
    tags,
    params: taakParamsSchema,
    body: draftBodySchema,
    responses: taskResponse,
    access: { roles: WORKERS },
  });
  openApi.register({
    method: 'post',
    path: `${BASE}/:id/complete`,
    summary: 'Complete the task with the form data',
    tags,
    params: taakParamsSchema,
    body: completeBodySchema,
    responses: {
      ...taskResponse,
      400: {
        description:
          "The data breaks the task's form (required, length, pattern, options…): details.problems lists path, label and message per field; nothing changed",
      },
      409: { description: 'The task is not claimed, or no longer exists in the process' },
    },
    access: { roles: WORKERS },
  });
}

const BASE = '/api/taken';

/** `/api/taken`: the task list for behandelaars; coordinators see everything and assign. */
export function takenRouter(options: TakenRouterOptions): Router {
  const { service } = options;
  if (options.openApi) describeOperations(options.openApi);
  const router = Router();
  const read = options.requireRole(...READERS);
  const work = options.requireRole(...WORKERS);
  const idOf = (req: Request) => taakParamsSchema.parse(req.params).id;

  router.get(BASE, read, async (req, res) => {
    const { state, q, ...query } = takenQuerySchema.parse(req.query);
    res.json(await service.list(userOf(req), { ...query, text: q, states: state }));
  });
  router.get(`${BASE}/medewerkers`, options.requireRole('coordinator'), async (req, res) => {
    res.json({ medewerkers: await service.medewerkers(userOf(req)) });
  });
  router.post(`${BASE}/verdelen`, options.requireRole('coordinator'), async (req, res) => {
    res.json({ taken: await service.verdeel(userOf(req), verdelenBodySchema.parse(req.body)) });
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
