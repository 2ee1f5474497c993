import { MailTemporarilyFailedError, type MailTransport } from '../runtime/mailTransport.js';
import type { PlatformClient } from '../runtime/platformClient.js';

/**
 * Without SMTP the platform keeps mail in its outbox (table `mail_outbox`, shown in the UI),
 * through `POST /api/mail-outbox`; the job key is the idempotency key, so a retry queues once.
 */
export function outboxTransport(platform: PlatformClient): MailTransport {
  return {
    async send(message) {
      const { idempotencyKey, ...mail } = message;
      const response = await platform.request('POST', '/api/mail-outbox', mail, { idempotencyKey });
      if (response.status >= 200 && response.status < 300) return;
      const detail = `mail outbox answered ${response.status}: ${JSON.stringify(response.body)}`;
      if (response.status >= 500 || response.status === 401 || response.status === 429) {
        throw new MailTemporarilyFailedError(detail);
      }
      throw new Error(detail);
    },
  };
}
