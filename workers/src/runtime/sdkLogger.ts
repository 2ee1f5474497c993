import type { Logger } from 'pino';

/** The SDK's log sink (JSON strings), forwarded to pino so worker logs stay structured. */
export function sdkLoggerFor(logger: Logger) {
  const forward = (level: 'debug' | 'info' | 'error') => (message: string) => {
    let fields: Record<string, unknown>;
    try {
      fields = JSON.parse(message) as Record<string, unknown>;
    } catch {
      fields = { message };
    }
    const text = typeof fields.message === 'string' ? fields.message : 'zeebe client';
    logger[level]({ sdk: fields }, text);
  };
  return { debug: forward('debug'), info: forward('info'), error: forward('error') };
}
