import type { Knex } from 'knex';
import type { RequestHandler, Router } from 'express';
import type { MailTransport } from '@zaakstroom/workers';
import type { PublicRoute } from '../../http/apiRouter.js';
import type { OpenApiRegistry } from '../../http/openapi.js';
import type { CalendarDate } from '../deadlines/index.js';
import type { DocumentService } from '../documenten/index.js';
import { createZaakService, type ZaaktypeCatalogus } from '../zaken/index.js';
import { burgerApiRouter, burgerPublicRoutes } from './apiRouter.js';
import { publicStatusRouter } from './publicRouter.js';
import { rateLimiter } from './rateLimiter.js';
import { BurgerService, type MessagePublisher } from './service.js';

export interface BurgerModuleOptions {
  db: Knex;
  catalogus: ZaaktypeCatalogus;
  documenten: { service: DocumentService; tempDirectory: string; discard: (path: string) => Promise<void> };
  mail: MailTransport;
  messages: MessagePublisher;
  requireRole: (...roles: string[]) => RequestHandler;
  publicUrl: () => string;
  linkDays: number;
  rateLimitPerMinute: number;
  maxUploadMb: number;
  openApi?: OpenApiRegistry;
  /** The platform's today (the engine clock in tests), for opschorten and hervatten. */
  today?: () => CalendarDate;
}

export interface BurgerModule {
  service: BurgerService;
  /** Mounted inside the platform's /api router. */
  apiRouter: Router;
  /** `/status/...`, mounted outside /api (no authentication). */
  statusRouter: Router;
  publicRoutes: readonly PublicRoute[];
}

/** The citizen's status page, their link and information requests, wired to the platform. */
export function createBurgerModule(options: BurgerModuleOptions): BurgerModule {
  const service = new BurgerService({
    db: options.db,
    zaken: createZaakService({ db: options.db, catalogus: options.catalogus, ...(options.today ? { today: options.today } : {}) }),
    catalogus: options.catalogus,
    documenten: options.documenten.service,
    mail: options.mail,
    messages: options.messages,
    publicUrl: options.publicUrl,
    linkDays: options.linkDays,
  });
  // One budget per address for the page, its uploads and its JSON twin.
  const limiter = rateLimiter({ limit: options.rateLimitPerMinute, windowMs: 60_000 });
  return {
    service,
    apiRouter: burgerApiRouter({ service, requireRole: options.requireRole, limiter, ...(options.openApi ? { openApi: options.openApi } : {}) }),
    statusRouter: publicStatusRouter({
      service,
      limiter,
      maxUploadMb: options.maxUploadMb,
      tempDirectory: options.documenten.tempDirectory,
      discard: options.documenten.discard,
    }),
    publicRoutes: burgerPublicRoutes,
  };
}
