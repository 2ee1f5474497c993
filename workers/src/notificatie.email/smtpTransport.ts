import nodemailer from 'nodemailer';
import { MailTemporarilyFailedError, type MailTransport } from '../runtime/mailTransport.js';

export interface SmtpTransportOptions {
  /** e.g. `smtp://user:pass@mail.gemeente.nl:587` or `smtps://…`. */
  smtpUrl: string;
  /** Sender address; defaults to the SMTP user or `zaakstroom@localhost`. */
  from?: string;
  timeoutMs?: number;
}

/** Sends through an SMTP server with nodemailer. */
export function smtpTransport(options: SmtpTransportOptions): MailTransport & { close(): void } {
  const url = new URL(options.smtpUrl);
  const timeoutMs = options.timeoutMs ?? 30_000;
  const transporter = nodemailer.createTransport({
    url: options.smtpUrl,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  } as Parameters<typeof nodemailer.createTransport>[0]);
  const from =
    options.from ?? (url.username ? decodeURIComponent(url.username) : 'zaakstroom@localhost');
  return {
    async send(message) {
      try {
        await transporter.sendMail({
          from,
          to: message.to,
          subject: message.subject,
          html: message.html,
          text: message.text,
          // Stable per job: mail clients and archives recognise a re-sent copy.
          messageId: `<${message.idempotencyKey}@zaakstroom>`,
        });
      } catch (error) {
        const code = (error as { responseCode?: number }).responseCode;
        // 5xx is the server refusing this message for good; anything else may pass next time.
        if (code !== undefined && code >= 500) throw error;
        throw new MailTemporarilyFailedError(`SMTP send failed: ${(error as Error).message}`, {
          cause: error,
        });
      }
    },
    close() {
      transporter.close();
    },
  };
}
