import { Router } from 'express';
import type { OpenApiInfo, OpenApiRegistry } from './openapi.js';

export interface OpenApiRouterOptions {
  registry: OpenApiRegistry;
  info: OpenApiInfo;
}

/** `GET /api/openapi.json`: the OpenAPI 3.1 document of every operation registered so far. */
export function openApiRouter({ registry, info }: OpenApiRouterOptions): Router {
  registry.register({
    method: 'get',
    path: '/api/openapi.json',
    summary: 'This API description (OpenAPI 3.1)',
    tags: ['api'],
    responses: { 200: { description: 'The OpenAPI document' } },
    access: {},
  });
  const router = Router();
  router.get('/api/openapi.json', (_req, res) => {
    // Built per request: cheap, and always includes routers registered after this one.
    res.json(registry.toDocument(info));
  });
  return router;
}
