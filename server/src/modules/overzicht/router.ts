import { Router, type Request, type RequestHandler } from 'express';
import { z } from 'zod';
import type { OpenApiRegistry } from '../../http/openapi.js';
import { auditActorOf, requirePrincipal, type Role } from '../auth/index.js';
import { overzichtQuerySchema } from './filters.js';
import type { OverzichtService, OverzichtUser } from './service.js';

export interface OverzichtRouterOptions {
  service: OverzichtService;
  requireRole: (...roles: Role[]) => RequestHandler;
  openApi?: OpenApiRegistry;
}

const BASE = '/api/overzicht';
/** Managers and coordinators watch the figures; only coordinators act on incidents. */
const WATCHERS: Role[] = ['manager', 'coordinator'];
const RETRIERS: Role[] = ['coordinator'];

const heatmapQuerySchema = z.strictObject({ zaaktype: z.string().min(1).max(50) });
const incidentParamsSchema = z.strictObject({
  incidentKey: z.string().regex(/^\d{1,19}$/, 'an incident key is a number'),
});

function describeOperations(openApi: OpenApiRegistry): void {
  const tags = ['overzicht'];
  const watchers = { roles: WATCHERS };
  const ok = (description: string) => ({ 200: { description } });
  openApi.register({
    method: 'get',
    path: BASE,
    summary: 'KPIs and chart series over the zaken in scope (period, zaaktype, team, behandelaar)',
    tags,
    query: overzichtQuerySchema,
    responses: ok('Filter as applied, KPIs and series'),
    access: watchers,
  });
  openApi.register({
    method: 'get',
    path: `${BASE}/termijnen`,
    summary: 'Open zaken past or within risicoDagen working days of their fatale datum',
    tags,
    query: overzichtQuerySchema,
    responses: ok('The zaken, most urgent first (at most 500)'),
    access: watchers,
  });
  openApi.register({
    method: 'get',
    path: `${BASE}/incidenten`,
    summary: 'Open incidents of the processes of zaken I may see',
    tags,
    responses: ok('Incidents, oldest first'),
    access: watchers,
  });
  openApi.register({
    method: 'post',
    path: `${BASE}/incidenten/:incidentKey/opnieuw`,
    summary: 'Retry: one more job retry, then resolve the incident',
    tags,
    params: incidentParamsSchema,
    responses: {
      204: { description: 'Retried' },
      404: { description: 'No such open incident of a zaak I may see' },
    },
    access: { roles: RETRIERS },
  });
  openApi.register({
    method: 'get',
    path: `${BASE}/heatmap`,
    summary:
      "Per element of the zaaktype's process: active, completed, incidents, mean and p90 hours",
    tags,
    query: heatmapQuerySchema,
    responses: ok('The process XML and the figures per element'),
    access: watchers,
  });
}

/** `/api/overzicht`: the manager's dashboards. */
export function overzichtRouter(options: OverzichtRouterOptions): Router {
  const { service } = options;
  if (options.openApi) describeOperations(options.openApi);
  const router = Router();
  const watchers = options.requireRole(...WATCHERS);

  router.get(BASE, watchers, async (req, res) => {
    res.json(await service.dashboard(userOf(req), overzichtQuerySchema.parse(req.query)));
  });
  router.get(`${BASE}/termijnen`, watchers, async (req, res) => {
    res.json(await service.deadlines(userOf(req), overzichtQuerySchema.parse(req.query)));
  });
  router.get(`${BASE}/incidenten`, watchers, async (req, res) => {
    res.json({ incidenten: await service.incidents(userOf(req)) });
  });
  router.post(
    `${BASE}/incidenten/:incidentKey/opnieuw`,
    options.requireRole(...RETRIERS),
    async (req, res) => {
      const { incidentKey } = incidentParamsSchema.parse(req.params);
      await service.retryIncident(userOf(req), incidentKey);
      res.status(204).end();
    },
  );
  router.get(`${BASE}/heatmap`, watchers, async (req, res) => {
    const { zaaktype } = heatmapQuerySchema.parse(req.query);
    res.json(await service.heatmap(userOf(req), zaaktype));
  });
  return router;
}

function userOf(req: Request): OverzichtUser {
  const principal = requirePrincipal(req);
  return {
    username: principal.username,
    groups: principal.groups.map((group) => group.code),
    actor: auditActorOf(principal),
  };
}
