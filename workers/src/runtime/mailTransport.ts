/** One e-mail, ready to send. */
export interface MailMessage {
  to: string[];
  subject: string;
  html: string;
  text: string;
  /** Stable per job, so a retried job does not send (or queue) the mail twice. */
  idempotencyKey: string;
}

/** Where notificatie.email hands its mail: SMTP, or the platform's outbox. */
export interface MailTransport {
  send(message: MailMessage): Promise<void>;
}

/** A mail problem worth retrying (server down, timeout); anything else is permanent. */
export class MailTemporarilyFailedError extends Error {
  override name = 'MailTemporarilyFailedError';
}
