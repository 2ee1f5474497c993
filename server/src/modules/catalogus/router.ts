import { Router, type Request } from 'express';
import type { OpenApiRegistry } from '../../http/openapi.js';
import { requireUser, type RouteAccess } from './access.js';
import { authorisationRoutes } from './authorisationRoutes.js';
import type { AuthorisationService } from './authorisationService.js';
import { registerCatalogusOperations } from './catalogusApiDocs.js';
import { peildatumQuerySchema, versionParamsSchema, zaaktypeParamsSchema } from './routeSchemas.js';
import { newZaaktypeSchema, publishRequestSchema, versionInputSchema } from './schemas.js';
import type { CatalogusService } from './service.js';
import type { ProcessModelCheck } from './types.js';
import { parseInput } from './validation.js';

export interface CatalogusRouterOptions extends RouteAccess {
  catalogusService: CatalogusService;
  authorisationService: AuthorisationService;
  /** Reads the statustypen and resultaattypen a deployed process uses; consulted on publish. */
  modelCheck: ProcessModelCheck;
  /** Called once a concept is deleted, e.g. to end its proefruns, which would be left without a version. */
  afterConceptDeleted?: (identificatie: string, versie: number) => Promise<unknown>;
  /** When given, the routes are described in the OpenAPI document. */
  openApi?: OpenApiRegistry;
}

const BASE = '/api/catalogus/zaaktypen';
const VERSION = `${BASE}/:identificatie/versies/:versie`;

/** `/api/catalogus`: read for any signed-in user, changes for beheerders. */
export function catalogusRouter(options: CatalogusRouterOptions): Router {
  const { catalogusService: service, modelCheck } = options;
  if (options.openApi) registerCatalogusOperations(options.openApi);
  const router = Router();
  const read = requireUser(options);
  const write = options.requireRole('beheerder');
  const actor = (req: Request) => options.currentUser(req);
  const versionOf = (req: Request) => parseInput(versionParamsSchema, req.params, 'path');
  const zaaktypeOf = (req: Request) =>
    parseInput(zaaktypeParamsSchema, req.params, 'path').identificatie;

  router.get(BASE, read, async (_req, res) => {
    res.json({ zaaktypen: await service.listZaaktypen() });
  });

  router.post(BASE, write, async (req, res) => {
    const input = parseInput(newZaaktypeSchema, req.body, 'zaaktype');
    res.status(201).json(await service.createConcept(input, actor(req)));
  });

  router.get(`${BASE}/:identificatie`, read, async (req, res) => {
    res.json(await service.getZaaktype(zaaktypeOf(req)));
  });

  router.get(`${BASE}/:identificatie/geldige-versie`, read, async (req, res) => {
    const { peildatum } = parseInput(peildatumQuerySchema, req.query, 'query');
    res.json(await service.getValidVersion(zaaktypeOf(req), peildatum));
  });

  router.get(VERSION, read, async (req, res) => {
    const { identificatie, versie } = versionOf(req);
    res.json(await service.getVersion(identificatie, versie));
  });

  router.put(VERSION, write, async (req, res) => {
    const { identificatie, versie } = versionOf(req);
    const input = parseInput(versionInputSchema, req.body, 'zaaktype version');
    res.json(await service.updateConcept(identificatie, versie, input, actor(req)));
  });

  router.delete(VERSION, write, async (req, res) => {
    const { identificatie, versie } = versionOf(req);
    await service.deleteConcept(identificatie, versie, actor(req));
    await options.afterConceptDeleted?.(identificatie, versie);
    res.status(204).end();
  });

  router.post(`${VERSION}/kopie`, write, async (req, res) => {
    const { identificatie, versie } = versionOf(req);
    res.status(201).json(await service.copyToConcept(identificatie, versie, actor(req)));
  });

  router.post(`${VERSION}/publiceren`, write, async (req, res) => {
    const { identificatie, versie } = versionOf(req);
    const request = parseInput(publishRequestSchema, req.body ?? {}, 'publish request');
    res.json(await service.publish(identificatie, versie, request, modelCheck, actor(req)));
  });

  router.use(authorisationRoutes({ service: options.authorisationService, read, write }));
  return router;
}
