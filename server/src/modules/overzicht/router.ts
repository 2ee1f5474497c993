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
/** The zaak page shows a zaak's incidents to everyone who may open the zaak. */
const ZAAK_READERS: Role[] = ['behandelaar', 'coordinator', 'manager', 'beheerder'];
const ZAAK_INCIDENTS = '/api/zaken/:id/incidenten';

const heatmapQuerySchema = z.strictObject({ zaaktype: z.string().min(1).max(50) });
const incidentParamsSchema = z.strictObject({
  incidentKey: z.string().regex(/^\d{1,19}$/, 'an incident key is a number'),
});

const zaakParamsSchema = z.strictObject({
  id: z.uuid({ error: 'expected the zaak id (a uuid)' }),
});
const zaakIncidentParamsSchema = zaakParamsSchema.extend(incidentParamsSchema.shape);

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
    path: ZAAK_INCIDENTS,
    summary: "Open incidents of the zaak's process (failed jobs without retries), oldest first",
    tags: ['zaken'],
    params: zaakParamsSchema,
    responses: {
      200: { description: 'Incidents of the zaak' },
      404: { description: 'No such zaak, or not one I may see' },
    },
    access: { roles: ZAAK_READERS },
  });
  openApi.register({
    method: 'post',
    path: `${ZAAK_INCIDENTS}/:incidentKey/opnieuw`,
    summary: "Retry an incident of the zaak's process: one more job retry, then resolve it",
    tags: ['zaken'],
    params: zaakIncidentParamsSchema,
    responses: {
      204: { description: 'Retried' },
      404: { description: 'No such open incident on a zaak I may see' },
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

/** `/api/overzicht`: the manager's dashboards; and a zaak's incidents for the zaak page. */
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
  router.get(ZAAK_INCIDENTS, options.requireRole(...ZAAK_READERS), async (req, res) => {
    const { id } = zaakParamsSchema.parse(req.params);
    res.json({ incidenten: await service.zaakIncidents(userOf(req), id) });
  });
  router.post(
    `${ZAAK_INCIDENTS}/:incidentKey/opnieuw`,
    options.requireRole(...RETRIERS),
    async (req, res) => {
      const { id, incidentKey } = zaakIncidentParamsSchema.parse(req.params);
      await service.retryZaakIncident(userOf(req), id, incidentKey);
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
