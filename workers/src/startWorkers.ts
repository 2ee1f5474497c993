import type { Zeebe } from '@camunda8/sdk';
import type { Logger } from 'pino';
import { jobHandlers } from './jobTypes.js';
import { outboxTransport } from './notificatie.email/outboxTransport.js';
import { smtpTransport } from './notificatie.email/smtpTransport.js';
import type { JobHandler } from './runtime/jobOutcome.js';
import type { MailTransport } from './runtime/mailTransport.js';
import { createPlatformClient, type PlatformClient } from './runtime/platformClient.js';
import { runWorkers, type JobEvent } from './runtime/runWorkers.js';

export interface StartWorkersOptions {
  /** The engine, through the SDK's gRPC client (the caller owns and closes it). */
  zeebe: Zeebe.ZeebeGrpcClient;
  logger: Logger;
  /** Base URL of the server, e.g. `http://localhost:8080`. */
  platformUrl: string;
  clientId: string;
  clientSecret: string;
  /** Without it, mail goes to the platform's outbox. */
  smtpUrl?: string | undefined;
  mailFrom?: string | undefined;
  concurrency?: number;
  timeoutMs?: number;
  longPollMs?: number;
  /** Override or extend the standard handlers (e.g. a municipality's own job types). */
  handlers?: Readonly<Record<string, JobHandler>>;
  /** Told of every job taken and of its outcome (the server counts them for /metrics). */
  onJobEvent?: (event: JobEvent) => void;
  /** For tests: a platform other than the HTTP client. */
  platform?: PlatformClient;
}

/**
 * Starts every standard job worker. For `npm run workers` (see main.ts) and for the server,
 * which runs them in-process in the embedded default. The handle's close()
 * lets running jobs finish.
 */
export function startWorkers(options: StartWorkersOptions): { close(): Promise<void> } {
  const platform =
    options.platform ??
    createPlatformClient({
      baseUrl: options.platformUrl,
      clientId: options.clientId,
      clientSecret: options.clientSecret,
      ...(options.timeoutMs ? { timeoutMs: Math.min(30_000, options.timeoutMs / 2) } : {}),
    });
  const smtp = options.smtpUrl
    ? smtpTransport({
        smtpUrl: options.smtpUrl,
        ...(options.mailFrom ? { from: options.mailFrom } : {}),
      })
    : undefined;
  const mail: MailTransport = smtp ?? outboxTransport(platform);
  options.logger.info({ mail: smtp ? 'smtp' : 'outbox' }, 'mail transport chosen');
  const running = runWorkers({
    zeebe: options.zeebe,
    platform,
    mail,
    logger: options.logger,
    handlers: options.handlers ?? jobHandlers,
    ...(options.concurrency ? { concurrency: options.concurrency } : {}),
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.longPollMs ? { longPollMs: options.longPollMs } : {}),
    ...(options.onJobEvent ? { onJobEvent: options.onJobEvent } : {}),
  });
  return {
    async close() {
      await running.close();
      smtp?.close();
    },
  };
}
