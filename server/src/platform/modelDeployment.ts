import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import type { OpenApiRegistry } from '../http/openapi.js';
import { InputError } from '../http/errors.js';
import type { CatalogusService } from '../modules/catalogus/index.js';
import type { ZeebeClient } from './zeebeClient.js';
import { SANDBOX_PREFIX } from './proefrun/sandboxModel.js';

/** Where the Beheer editor keeps the BPMN of a concept version, among its forms. */
export const MODEL_FORM_KEY = 'zaakstroom:bpmn';

const params = z.strictObject({
  identificatie: z.string().min(1).max(50),
  versie: z.coerce.number({ error: 'expected a version number' }).int().positive(),
});

/**
 * `POST /api/catalogus/zaaktypen/:identificatie/versies/:versie/model/deploy`: deploys the BPMN a
 * beheerder modelled in the browser to the engine (through the Zeebe API, as any client) and
 * binds the concept to the deployed process version, so that it can be published.
 */
export function modelDeploymentRouter(options: {
  catalogusService: CatalogusService;
  zeebe: ZeebeClient;
  requireRole: (...roles: string[]) => RequestHandler;
  currentUser: (req: Parameters<RequestHandler>[0]) => { username: string } | undefined;
  openApi?: OpenApiRegistry;
}): Router {
  const path = '/api/catalogus/zaaktypen/:identificatie/versies/:versie/model/deploy';
  options.openApi?.register({
    method: 'post',
    path,
    summary: "Deploy the concept's process model to the engine and bind the concept to it",
    tags: ['catalogus'],
    params,
    responses: { 200: { description: 'The concept, bound to the deployed process version' } },
    access: { roles: ['beheerder'] },
  });
  const router = Router();
  router.post(path, options.requireRole('beheerder'), async (req, res) => {
    const { identificatie, versie } = params.parse(req.params);
    const version = await options.catalogusService.getVersion(identificatie, versie);
    const stored = (version.forms as Record<string, unknown> | undefined)?.[MODEL_FORM_KEY] as { xml?: unknown } | undefined;
    if (typeof stored?.xml !== 'string' || stored.xml.trim() === '') {
      throw new InputError(`Version ${versie} of ${identificatie} has no process model yet: draw it in the process editor and save`, {
        field: 'model',
      });
    }
    const deployment = await options.zeebe
      .deployResource({ process: Buffer.from(stored.xml), name: `${identificatie}.bpmn` })
      .catch((error: unknown) => {
        // The engine names every problem with its element; hand that to the beheerder as is.
        throw new InputError(`The process model was refused: ${(error as { details?: string; message?: string }).details ?? String(error)}`, {
          field: 'model',
        });
      });
    const process = deployment.deployments.find((item) => 'process' in item && item.process)?.process;
    if (!process) throw new InputError('The model holds no executable process', { field: 'model' });
    if (process.bpmnProcessId.startsWith(SANDBOX_PREFIX)) {
      throw new InputError(`The process id ${process.bpmnProcessId} starts with ${SANDBOX_PREFIX}, which is kept for proefruns; choose another id`, { field: 'model' });
    }
    const actor = options.currentUser(req);
    const bound = await options.catalogusService.bindProcess(
      identificatie,
      versie,
      { bpmnProcessId: process.bpmnProcessId, processVersion: process.version, processDefinitionKey: String(process.processDefinitionKey) },
      actor,
    );
    res.json(bound);
  });
  return router;
}
