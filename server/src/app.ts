import { existsSync } from 'node:fs';
import express, { type Express, type Router } from 'express';
import type { Database } from './db/database.js';
import { errorMiddleware, notFoundHandler } from './http/errorMiddleware.js';
import { healthRouter } from './http/health.js';
import { requestContext } from './http/requestContext.js';
import type { Logger } from './logging.js';

export interface AppDependencies {
  db: Database;
  logger: Logger;
  /** Routers mounted after health, e.g. the engine's /v2 and the platform's /api. */
  routers?: Router[];
  /** Directory with the built UI (modeler-ui/dist); served with an SPA fallback when present. */
  uiDirectory?: string;
}

export function createApp({ db, logger, routers = [], uiDirectory }: AppDependencies): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(requestContext(logger));
  app.use(express.json({ limit: '4mb' }));
  app.use(healthRouter(db));
  for (const router of routers) app.use(router);
  if (uiDirectory && existsSync(uiDirectory)) {
    app.use(express.static(uiDirectory, { index: 'index.html', maxAge: '1h' }));
    app.get(/^\/(?!api\/|v2\/|health\/).*/, (_req, res) => {
      res.sendFile('index.html', { root: uiDirectory });
    });
  }
  app.use(notFoundHandler);
  app.use(errorMiddleware);
  return app;
}
