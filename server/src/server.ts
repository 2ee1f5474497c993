import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createApp } from './app.js';
import type { ServerConfig } from './config.js';
import { openDatabase, type Database } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import type { Logger } from './logging.js';

export interface RunningServer {
  url: string;
  db: Database;
  /** Stops accepting connections, lets in-flight requests finish, then closes the database. */
  close(): Promise<void>;
}

const uiDirectory = fileURLToPath(new URL('../../modeler-ui/dist', import.meta.url));

export async function startServer(config: ServerConfig, logger: Logger): Promise<RunningServer> {
  const db = openDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR });
  const applied = await migrateToLatest(db);
  if (applied.length > 0) logger.info({ migrations: applied }, 'database migrated');

  const app = createApp({ db, logger, uiDirectory });
  const http = await listen(app.listen.bind(app), config.PORT, config.HOST);
  const { port } = http.address() as AddressInfo;
  const url = `http://localhost:${port}`;

  let closing: Promise<void> | undefined;
  const close = () => (closing ??= shutdown(http, db, config.SHUTDOWN_TIMEOUT_MS, logger));
  return { url, db, close };
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

async function shutdown(http: Server, db: Database, timeoutMs: number, logger: Logger): Promise<void> {
  logger.info('shutting down: no new connections, finishing requests in flight');
  // Idle keep-alive sockets would hold close() open; busy ones finish their request first.
  http.closeIdleConnections();
  const drained = new Promise<void>((resolve) => http.close(() => resolve()));
  const timer = setTimeout(() => {
    logger.warn({ timeoutMs }, 'requests still running at shutdown timeout; closing connections');
    http.closeAllConnections();
  }, timeoutMs);
  await drained;
  clearTimeout(timer);
  await db.destroy();
  logger.info('shutdown complete');
}
