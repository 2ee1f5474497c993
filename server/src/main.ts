import { ConfigError, engineRestAddress, externalGateway, readConfig } from './config.js';
import { createLogger } from './logging.js';
import { demoAccounts, demoPassword } from './modules/auth/index.js';
import { startServer } from './server.js';

/**
 * `npm start`: one process with API, UI, engine and workers on the configured database.
 * `npm run engine` (`--engine-only`): just the embedded engine, its gRPC gateway and REST v2.
 */
async function main(): Promise<void> {
  let config;
  try {
    config = readConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(config.LOG_LEVEL);
  const engineOnly = process.argv.includes('--engine-only');
  const server = await startServer(config, logger, { engineOnly });
  const database = config.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${config.DATA_DIR}`;
  const lines = [
    '',
    engineOnly ? `Zaakstroom engine is running (database: ${database})` : `Zaakstroom is running at ${server.url}  (database: ${database})`,
    server.engine ? `  Zeebe gateway (gRPC): localhost:${server.engine.grpc.port}   REST v2: ${server.url}/v2` : `  engine: external (gRPC ${externalGateway(config)}, REST ${engineRestAddress(config)})`,
    ...(config.SEED_DEMO && !engineOnly
      ? [`  Demo accounts (password "${demoPassword}"): ${demoAccounts.map((account) => `${account.username} (${account.roles.join(', ')})`).join(', ')}`]
      : []),
    '',
  ];
  process.stdout.write(lines.join('\n') + '\n');

  const stop = (signal: string) => {
    logger.info({ signal }, 'signal received');
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`Zaakstroom failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
