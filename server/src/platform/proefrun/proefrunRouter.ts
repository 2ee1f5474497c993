import { Router, type Request, type RequestHandler } from 'express';
import { z } from 'zod';
import type { OpenApiRegistry } from '../../http/openapi.js';
import { auditContextOf, requirePrincipal } from '../../modules/auth/index.js';
import { parseInput } from '../../modules/catalogus/index.js';
import { proefrunIntakeSchema, zaakDetailSchema } from '../../modules/zaken/index.js';
import type { ProefrunService } from './proefrunService.js';

const params = z.strictObject({
  identificatie: z.string().min(1).max(50),
  versie: z.coerce.number({ error: 'expected a version number' }).int().positive(),
});

const PATH = '/api/catalogus/zaaktypen/:identificatie/versies/:versie/proefrun';

/**
 * `/api/catalogus/zaaktypen/:identificatie/versies/:versie/proefrun`: a beheerder starts a test
 * run of a version (POST, the intake of a zaak) and ends every test run of it (DELETE).
 */
export function proefrunRouter(options: {
  service: ProefrunService;
  requireRole: (...roles: string[]) => RequestHandler;
  openApi?: OpenApiRegistry;
}): Router {
  options.openApi?.register({
    method: 'post',
    path: PATH,
    summary: 'Start a proefrun: the version runs as a sandbox process with a zaak only you see',
    description:
      'Refused (409, with the problems) when publishing would refuse the model. The zaak counts in no list, figure or register.',
    tags: ['catalogus'],
    params,
    body: proefrunIntakeSchema,
    responses: {
      201: { description: 'The proefrun zaak', schema: zaakDetailSchema },
      404: { description: 'No such zaaktype or version' },
      409: { description: 'The version has problems that stop a proefrun' },
    },
    access: { roles: ['beheerder'] },
  });
  options.openApi?.register({
    method: 'delete',
    path: PATH,
    summary: 'End every proefrun of the version: cancel its processes, remove its zaken and tasks',
    tags: ['catalogus'],
    params,
    responses: { 200: { description: 'How many proefrun zaken were removed' } },
    access: { roles: ['beheerder'] },
  });
  const router = Router();
  const beheerder = options.requireRole('beheerder');
  const versionOf = (req: Request) => parseInput(params, req.params, 'path');

  router.post(PATH, beheerder, async (req, res) => {
    const { identificatie, versie } = versionOf(req);
    const intake = parseInput(proefrunIntakeSchema, req.body, 'proefrun');
    const caller = { actor: requirePrincipal(req), audit: auditContextOf(req) };
    res.status(201).json(await options.service.start(identificatie, versie, intake, caller));
  });

  router.delete(PATH, beheerder, async (req, res) => {
    const { identificatie, versie } = versionOf(req);
    res.json({ verwijderd: await options.service.end(identificatie, versie) });
  });
  return router;
}
