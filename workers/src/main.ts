import { pino } from 'pino';
import { loadConfig } from './config.js';
import { startWorkers } from './startWorkers.js';
import { createZeebeClient } from './zeebeClient.js';

/** `npm run workers`: the standard job workers as their own process (scale-out setup). */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = pino({ level: config.LOG_LEVEL, base: { app: 'zaakstroom-workers' } });
  const zeebe = createZeebeClient({
    address: config.ZEEBE_ADDRESS,
    oauth: Boolean(config.CAMUNDA_OAUTH_URL),
  });
  const workers = startWorkers({
    zeebe,
    logger,
    platformUrl: config.PLATFORM_URL,
    clientId: config.WORKER_CLIENT_ID,
    clientSecret: config.WORKER_CLIENT_SECRET,
    smtpUrl: config.SMTP_URL,
    mailFrom: config.MAIL_FROM,
    concurrency: config.WORKER_CONCURRENCY,
    timeoutMs: config.WORKER_TIMEOUT_MS,
  });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping: finishing running jobs');
    await workers.close();
    await zeebe.close();
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void stop(signal));
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
