import { join } from 'node:path';
import type { Knex } from 'knex';
import type { RequestHandler, Router } from 'express';
import type { OpenApiRegistry } from '../../http/openapi.js';
import { createZaakService, type ZaaktypeCatalogus } from '../zaken/index.js';
import { DocumentContentStore } from './contentStore.js';
import { documentenRouter } from './router.js';
import { DocumentService } from './service.js';

export interface DocumentenModuleOptions {
  db: Knex;
  catalogus: ZaaktypeCatalogus;
  requireRole: (...roles: string[]) => RequestHandler;
  dataDir: string;
  maxUploadMb: number;
  openApi?: OpenApiRegistry;
}

/** The documenten router, its content under `<dataDir>/documenten`, its access that of the zaken module. */
export async function createDocumentenRouter(options: DocumentenModuleOptions): Promise<Router> {
  return (await createDocumentenModule(options)).router;
}

/** The router and the service, for modules that add documents themselves (the citizen's uploads). */
export async function createDocumentenModule(options: DocumentenModuleOptions): Promise<{ router: Router; service: DocumentService }> {
  const store = new DocumentContentStore(join(options.dataDir, 'documenten'));
  await store.prepare();
  const service = new DocumentService({
    db: options.db,
    zaken: createZaakService({ db: options.db, catalogus: options.catalogus }),
    store,
  });
  const router = documentenRouter({
    service,
    requireRole: options.requireRole,
    maxUploadMb: options.maxUploadMb,
    ...(options.openApi ? { openApi: options.openApi } : {}),
  });
  return { router, service };
}
