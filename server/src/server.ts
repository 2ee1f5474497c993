import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { Router } from 'express';
import { createApp } from './app.js';
import { engineRestAddress, externalGateway, type ServerConfig } from './config.js';
import { openDatabase, type Database } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { startEmbeddedEngine, type RunningEngine } from './engine/embeddedEngine.js';
import type { Logger } from './logging.js';
import { createPlatform, type Platform } from './platform/platformApi.js';
import { zeebeClientFor, zeebeClientFromEnvironment } from './platform/zeebeClient.js';
import { ZaakstroomMetrics } from './metrics/metrics.js';
import { metricsRouter } from './metrics/metricsRouter.js';
import { engineProxyRouter } from './platform/engineProxy.js';
import { FollowedEngineClock } from './platform/followedEngineClock.js';
import { externalEngineHeaders, type EngineRestEndpoint } from './platform/externalEngine.js';

export interface RunningServer {
  url: string;
  db: Database;
  /** The embedded engine; absent when ZEEBE_ADDRESS points at an external cluster. */
  engine: RunningEngine | undefined;
  /** Stops accepting connections, lets in-flight requests finish, then closes the database. */
  close(): Promise<void>;
}

const uiDirectory = fileURLToPath(new URL('../../modeler-ui/dist', import.meta.url));

export interface StartOptions {
  /** Only the engine and its APIs: no UI, no platform (`npm run engine`). */
  engineOnly?: boolean;
  /** The embedded engine's timer polling (default on); a test may switch it off and fire due timers itself. */
  engineScheduler?: boolean;
}

export async function startServer(config: ServerConfig, logger: Logger, options: StartOptions = {}): Promise<RunningServer> {
  const db = openDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR });
  const applied = await migrateToLatest(db);
  if (applied.length > 0) logger.info({ migrations: applied }, 'database migrated');

  const externalRest = engineRestAddress(config);
  const engineEndpoint: EngineRestEndpoint | undefined =
    externalGateway(config) && externalRest ? { baseUrl: () => externalRest, headers: externalEngineHeaders() } : undefined;
  const engine = engineEndpoint
    ? undefined
    : await startEmbeddedEngine({
        db,
        logger,
        host: config.ZEEBE_GATEWAY_HOST,
        grpcPort: config.ZEEBE_GATEWAY_PORT,
        clockControl: config.ENGINE_CLOCK_CONTROL,
        scheduler: options.engineScheduler ?? true,
      });
  // Tests that control an external engine's clock: the platform's today follows it.
  const followedClock = engineEndpoint && config.ENGINE_CLOCK_CONTROL ? new FollowedEngineClock(engineEndpoint) : undefined;
  await followedClock?.start();
  const platformClock = engine?.engine.clock ?? followedClock;
  let url = '';
  const metrics = new ZaakstroomMetrics({ db, ...(engine ? { embeddedEngine: engine.engine } : {}) });
  const zeebe = options.engineOnly
    ? undefined
    : engine
      ? zeebeClientFor(`127.0.0.1:${engine.grpc.port}`, { retry: false })
      : zeebeClientFromEnvironment({ retry: false });
  const platform: Platform | undefined = zeebe
    ? await createPlatform({
        db,
        config,
        logger,
        selfUrl: () => url,
        zeebe,
        metrics,
        ...(platformClock ? { clock: platformClock } : {}),
        ...(engineEndpoint ? { engineEndpoint } : {}),
      })
    : undefined;
  const engineRest = engine ? engine.restRouter : engineEndpoint && engineProxyRouter(engineEndpoint, followedClock ? { onClockChanged: () => followedClock.refresh() } : {});
  const routers = [
    metricsRouter({ metrics, token: config.METRICS_TOKEN }),
    ...(engineRest ? [engineRouter(engineRest, platform)] : []),
    ...(platform ? [platform.statusRouter, platform.router] : []),
  ];
  const app = createApp({ db, logger, routers, ...(options.engineOnly ? {} : { uiDirectory }) });
  const http = await listen(app.listen.bind(app), config.PORT, config.HOST);
  const { port } = http.address() as AddressInfo;
  url = `http://localhost:${port}`;
  platform?.start();

  let closing: Promise<void> | undefined;
  const stopClients = async () => {
    followedClock?.stop();
    await platform?.stop();
    await zeebe?.close();
  };
  const close = () => (closing ??= shutdown({ http, engine, stopClients, db, timeoutMs: config.SHUTDOWN_TIMEOUT_MS, logger }));
  return { url, db, engine, close };
}

/**
 * The engine's REST v2 API (embedded, or an external cluster's forwarded). With the platform, it is
 * for signed-in staff and the workers' service credential; engine-only mode (`npm run engine`)
 * stands in for a cluster on a trusted network.
 */
function engineRouter(restRouter: Router, platform: Platform | undefined): Router {
  if (!platform) return restRouter;
  const { auth } = platform;
  const router = Router();
  const staff = auth.requireRole('beheerder', 'coordinator', 'manager', 'service');
  // Behandelaars may draw where a zaak stands (its diagram and element states), nothing more.
  const diagram = auth.requireRole('behandelaar', 'beheerder', 'coordinator', 'manager', 'service');
  const diagramRoutes = /^\/v2\/(process-instances\/\d+|process-definitions\/\d+\/xml|element-instances\/search)$/;
  router.use('/v2', auth.authenticate, auth.verifyCsrf, (req, res, next) =>
    diagramRoutes.test(req.originalUrl.split('?')[0] ?? '') ? diagram(req, res, next) : staff(req, res, next),
  );
  router.use(restRouter);
  return router;
}

function listen(
  listenFn: (port: number, host: string, callback: () => void) => Server,
  port: number,
  host: string,
): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = listenFn(port, host, () => resolve(server));
    server.once('error', reject);
  });
}

async function shutdown({ http, engine, stopClients, db, timeoutMs, logger }: {
  http: Server;
  engine: RunningEngine | undefined;
  /** Background work and engine clients, stopped before the engine they talk to. */
  stopClients: () => Promise<void>;
  db: Database;
  timeoutMs: number;
  logger: Logger;
}): Promise<void> {
  logger.info('shutting down: no new connections, finishing requests in flight');
  // Idle keep-alive sockets would hold close() open; busy ones finish their request first.
  http.closeIdleConnections();
  const drained = new Promise<void>((resolve) => http.close(() => resolve()));
  // A keep-alive connection whose request finishes while draining turns idle: close it then,
  // rather than after the keep-alive timeout.
  const sweeper = setInterval(() => http.closeIdleConnections(), 100);
  const timer = setTimeout(() => {
    logger.warn({ timeoutMs }, 'requests still running at shutdown timeout; closing connections');
    http.closeAllConnections();
  }, timeoutMs);
  await drained;
  clearInterval(sweeper);
  clearTimeout(timer);
  await stopClients();
  await engine?.close();
  await db.destroy();
  logger.info('shutdown complete');
}
