import { Router, type Request, type RequestHandler } from 'express';
import type { OpenApiRegistry } from '../../http/openapi.js';
import { auditContextOf, requirePrincipal } from '../auth/index.js';
import { parseInput } from '../catalogus/index.js';
import type { Caller } from './dependencies.js';
import * as actions from './statusActions.js';
import * as termijnen from './termijnActions.js';
import {
  addNotitieSchema,
  addRolSchema,
  eigenschapParamsSchema,
  setEigenschapSchema,
  afsluitenSchema,
  createZaakSchema,
  hervattenSchema,
  idempotencyKeySchema,
  redenSchema,
  searchZakenSchema,
  setResultaatSchema,
  setStatusSchema,
  verlengenSchema,
  zaakAuditQuerySchema,
  zaakIdParamsSchema,
} from './schemas.js';
import type { ZaakService } from './service.js';
import type { ActionContext } from './actionContext.js';
import { registerZakenOperations, zaakActorRoles, zaakReaderRoles } from './zakenApiDocs.js';

export interface ZakenRouterOptions {
  service: ZaakService;
  /** auth's requireRole. */
  requireRole: (...roles: string[]) => RequestHandler;
  openApi?: OpenApiRegistry;
}

const BASE = '/api/zaken';
const ZAAK = `${BASE}/:id`;

/** `/api/zaken`: read for staff (subject to zaaktype authorisation), actions for behandelaars, coordinators and workers. */
export function zakenRouter(options: ZakenRouterOptions): Router {
  const { service } = options;
  if (options.openApi) registerZakenOperations(options.openApi);
  const router = Router();
  const read = options.requireRole(...zaakReaderRoles);
  const act = options.requireRole(...zaakActorRoles);
  const callerOf = (req: Request): Caller => ({
    actor: requirePrincipal(req),
    audit: auditContextOf(req),
  });
  const idOf = (req: Request) => parseInput(zaakIdParamsSchema, req.params, 'path').id;

  router.post(BASE, act, async (req, res) => {
    const key = parseInput(
      idempotencyKeySchema,
      req.get('idempotency-key'),
      'Idempotency-Key header',
    );
    const input = parseInput(createZaakSchema, req.body, 'zaak');
    const result = await service.create(input, key, callerOf(req));
    res.status(result.status).json(result.body);
  });

  router.get(BASE, read, async (req, res) => {
    const filter = parseInput(searchZakenSchema, req.query, 'query');
    res.json(await service.search(filter, callerOf(req)));
  });

  router.get(ZAAK, read, async (req, res) => {
    res.json(await service.get(idOf(req), callerOf(req)));
  });

  /** An action that answers the zaak as it is afterwards (200, also when it changed nothing). */
  const action = <Input>(
    path: string,
    parse: (body: unknown) => Input,
    run: (context: ActionContext, input: Input) => Promise<void>,
  ) => {
    router.post(`${ZAAK}/${path}`, act, async (req, res) => {
      const input = parse(req.body ?? {});
      res.json(await service.act(idOf(req), callerOf(req), (context) => run(context, input)));
    });
  };
  action('status', (body) => parseInput(setStatusSchema, body, 'status'), actions.setStatus);
  action(
    'resultaat',
    (body) => parseInput(setResultaatSchema, body, 'resultaat'),
    actions.setResultaat,
  );
  action(
    'afsluiten',
    (body) => parseInput(afsluitenSchema, body, 'afsluiten request'),
    actions.afsluiten,
  );
  action(
    'heropenen',
    (body) => parseInput(redenSchema, body, 'heropenen request'),
    actions.heropenen,
  );
  action(
    'opschorten',
    (body) => parseInput(redenSchema, body, 'opschorting'),
    termijnen.opschorten,
  );
  action(
    'hervatten',
    (body) => parseInput(hervattenSchema, body, 'hervatten request'),
    (context) => termijnen.hervatten(context),
  );
  action(
    'verlengen',
    (body) => parseInput(verlengenSchema, body, 'verlenging'),
    termijnen.verlengen,
  );

  router.post(`${ZAAK}/rollen`, act, async (req, res) => {
    const input = parseInput(addRolSchema, req.body, 'rol');
    const { created, zaak } = await service.addRol(idOf(req), input, callerOf(req));
    res.status(created ? 201 : 200).json(zaak);
  });

  router.get(`${ZAAK}/eigenschappen`, read, async (req, res) => {
    res.json({ eigenschappen: await service.eigenschappen(idOf(req), callerOf(req)) });
  });

  const eigenschapOf = (req: Request) => parseInput(eigenschapParamsSchema, req.params, 'path');
  router.put(`${ZAAK}/eigenschappen/:naam`, act, async (req, res) => {
    const { id, naam } = eigenschapOf(req);
    const { waarde } = parseInput(setEigenschapSchema, req.body, 'eigenschap');
    res.json(await service.setEigenschap(id, naam, waarde, callerOf(req)));
  });

  router.delete(`${ZAAK}/eigenschappen/:naam`, act, async (req, res) => {
    const { id, naam } = eigenschapOf(req);
    await service.removeEigenschap(id, naam, callerOf(req));
    res.status(204).end();
  });

  router.get(`${ZAAK}/notities`, read, async (req, res) => {
    res.json({ notities: await service.notities(idOf(req), callerOf(req)) });
  });

  router.post(`${ZAAK}/notities`, act, async (req, res) => {
    const { tekst } = parseInput(addNotitieSchema, req.body, 'notitie');
    res.status(201).json(await service.addNotitie(idOf(req), tekst, callerOf(req)));
  });

  router.get(`${ZAAK}/audit`, read, async (req, res) => {
    const page = parseInput(zaakAuditQuerySchema, req.query, 'query');
    res.json(await service.auditTrail(idOf(req), callerOf(req), page));
  });

  return router;
}
