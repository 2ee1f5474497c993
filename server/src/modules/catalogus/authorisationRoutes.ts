import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import type { AuthorisationService } from './authorisationService.js';
import { oneOf } from './childSchemas.js';
import { VERTROUWELIJKHEIDAANDUIDINGEN } from './enums.js';
import { identificatieSchema } from './schemas.js';
import { parseInput } from './validation.js';

const PATH = '/api/catalogus/autorisaties';

const groupParamsSchema = z.object({
  groep: z.string().min(1).max(100, { error: 'at most 100 characters' }),
  identificatie: identificatieSchema,
});
const grantSchema = z.strictObject({ maxVertrouwelijkheidaanduiding: oneOf(VERTROUWELIJKHEIDAANDUIDINGEN) });
const filterSchema = z.object({ groep: z.string().optional(), zaaktype: identificatieSchema.optional() });

/** Which group sees zaken of which zaaktype, up to which vertrouwelijkheidaanduiding. */
export function authorisationRoutes(options: {
  authorisationService: AuthorisationService;
  read: RequestHandler;
  write: RequestHandler;
}): Router {
  const { authorisationService: service, read, write } = options;
  const router = Router();

  router.get(PATH, read, async (req, res) => {
    const { groep, zaaktype } = parseInput(filterSchema, req.query, 'query');
    res.json({ autorisaties: await service.list({ groups: groep ? [groep] : undefined, identificatie: zaaktype }) });
  });

  router.put(`${PATH}/:groep/:identificatie`, write, async (req, res) => {
    const { groep, identificatie } = parseInput(groupParamsSchema, req.params, 'path');
    const { maxVertrouwelijkheidaanduiding } = parseInput(grantSchema, req.body, 'authorisation');
    res.json(await service.grant({ groep, zaaktypeIdentificatie: identificatie, maxVertrouwelijkheidaanduiding }));
  });

  router.delete(`${PATH}/:groep/:identificatie`, write, async (req, res) => {
    const { groep, identificatie } = parseInput(groupParamsSchema, req.params, 'path');
    await service.revoke(groep, identificatie);
    res.status(204).end();
  });

  return router;
}
