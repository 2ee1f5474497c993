import { join } from 'node:path';
import type { Knex } from 'knex';
import type { RequestHandler, Router } from 'express';
import type { OpenApiRegistry } from '../../http/openapi.js';
import { createZaakService, type ZaaktypeCatalogus } from '../zaken/index.js';
import { DocumentContentStore } from './contentStore.js';
import { documentenRouter } from './router.js';
import { DocumentService } from './service.js';

/** The documenten router, its content under `<dataDir>/documenten`, its access that of the zaken module. */
export async function createDocumentenRouter(options: {
  db: Knex;
  catalogus: ZaaktypeCatalogus;
  requireRole: (...roles: string[]) => RequestHandler;
  dataDir: string;
  maxUploadMb: number;
  openApi?: OpenApiRegistry;
}): Promise<Router> {
  const store = new DocumentContentStore(join(options.dataDir, 'documenten'));
  await store.prepare();
  const service = new DocumentService({
    db: options.db,
    zaken: createZaakService({ db: options.db, catalogus: options.catalogus }),
    store,
  });
  return documentenRouter({
    service,
    requireRole: options.requireRole,
    maxUploadMb: options.maxUploadMb,
    ...(options.openApi ? { openApi: options.openApi } : {}),
  });
}
