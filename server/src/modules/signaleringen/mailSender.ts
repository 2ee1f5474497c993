import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { MailMessage, MailTransport } from '@zaakstroom/workers';

export type { MailMessage, MailTransport };

/**
 * Without SMTP_URL, mail goes where notificatie.email puts it: the mail outbox (`GET
 * /api/mail-outbox`), idempotent on the message's key so a retried digest is kept once.
 */
export function mailOutboxTransport(db: Knex): MailTransport {
  return {
    async send(message) {
      await db('mail_outbox')
        .insert({
          id: randomUUID(),
          idempotency_key: message.idempotencyKey,
          recipients: message.to,
          subject: message.subject,
          html: message.html,
          text: message.text,
          created_by: 'signaleringen',
        })
        .onConflict('idempotency_key')
        .ignore();
    },
  };
}
