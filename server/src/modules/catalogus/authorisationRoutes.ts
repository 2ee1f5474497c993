import { Router, type RequestHandler } from 'express';
import type { AuthorisationService } from './authorisationService.js';
import {
  authorisationFilterSchema,
  authorisationParamsSchema,
  grantBodySchema,
} from './routeSchemas.js';
import { parseInput } from './validation.js';

export const AUTHORISATIONS_PATH = '/api/catalogus/autorisaties';

/** Which group sees zaken of which zaaktype, up to which vertrouwelijkheidaanduiding. */
export function authorisationRoutes(options: {
  service: AuthorisationService;
  read: RequestHandler;
  write: RequestHandler;
}): Router {
  const { service, read, write } = options;
  const router = Router();

  router.get(AUTHORISATIONS_PATH, read, async (req, res) => {
    const { groep, zaaktype } = parseInput(authorisationFilterSchema, req.query, 'query');
    res.json({
      autorisaties: await service.list({
        groups: groep ? [groep] : undefined,
        identificatie: zaaktype,
      }),
    });
  });

  router.put(`${AUTHORISATIONS_PATH}/:groep/:identificatie`, write, async (req, res) => {
    const { groep, identificatie } = parseInput(authorisationParamsSchema, req.params, 'path');
    const { maxVertrouwelijkheidaanduiding } = parseInput(
      grantBodySchema,
      req.body,
      'authorisation',
    );
    res.json(
      await service.grant({
        groep,
        zaaktypeIdentificatie: identificatie,
        maxVertrouwelijkheidaanduiding,
      }),
    );
  });

  router.delete(`${AUTHORISATIONS_PATH}/:groep/:identificatie`, write, async (req, res) => {
    const { groep, identificatie } = parseInput(authorisationParamsSchema, req.params, 'path');
    await service.revoke(groep, identificatie);
    res.status(204).end();
  });

  return router;
}
