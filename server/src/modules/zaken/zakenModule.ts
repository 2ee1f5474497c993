import type { Knex } from 'knex';
import type { Router, RequestHandler } from 'express';
import type { OpenApiRegistry } from '../../http/openapi.js';
import { AuthorisationService } from '../catalogus/index.js';
import { CalendarService } from '../deadlines/index.js';
import type { ZaaktypeCatalogus, ZaakServiceOptions } from './dependencies.js';
import { zakenRouter } from './router.js';
import { ZaakService } from './service.js';

/** The zaken router wired to the platform's catalogue, calendar and authorisations. */
export function createZakenRouter(options: {
  db: Knex;
  catalogus: ZaaktypeCatalogus;
  requireRole: (...roles: string[]) => RequestHandler;
  openApi?: OpenApiRegistry;
  bronorganisatie?: string;
  onCreated?: ZaakServiceOptions['onCreated'];
  today?: ZaakServiceOptions['today'];
}): Router {
  const service = createZaakService(options);
  return zakenRouter({
    service,
    requireRole: options.requireRole,
    ...(options.openApi ? { openApi: options.openApi } : {}),
  });
}

/** The zaken service wired to the platform's authorisations and calendar. */
export function createZaakService(options: {
  db: Knex;
  catalogus: ZaaktypeCatalogus;
  bronorganisatie?: string | undefined;
  onCreated?: ZaakServiceOptions['onCreated'];
  today?: ZaakServiceOptions['today'];
}): ZaakService {
  return new ZaakService({
    db: options.db,
    catalogus: options.catalogus,
    authorisation: new AuthorisationService(options.db),
    calendar: new CalendarService(options.db),
    ...(options.bronorganisatie ? { bronorganisatie: options.bronorganisatie } : {}),
    ...(options.onCreated ? { onCreated: options.onCreated } : {}),
    ...(options.today ? { today: options.today } : {}),
  });
}
