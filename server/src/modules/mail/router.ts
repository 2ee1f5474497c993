import { randomUUID } from 'node:crypto';
import { Router, type RequestHandler } from 'express';
import type { Knex } from 'knex';
import { z } from 'zod';
import type { OpenApiRegistry } from '../../http/openapi.js';
import { principalOf } from '../auth/index.js';

const mailSchema = z.strictObject({
  to: z.array(z.email('expected an e-mail address')).min(1, 'expected at least one recipient'),
  subject: z.string().min(1).max(998),
  html: z.string().max(1_000_000),
  text: z.string().max(1_000_000).optional(),
});

export interface MailOutboxRouterOptions {
  db: Knex;
  requireRole: (...roles: string[]) => RequestHandler;
  openApi?: OpenApiRegistry;
}

/**
 * `/api/mail-outbox`: without SMTP, the mail worker posts its messages here (idempotent on the
 * Idempotency-Key header, so a redelivered job stores one mail); beheerders read them back.
 */
export function mailOutboxRouter({ db, requireRole, openApi }: MailOutboxRouterOptions): Router {
  openApi?.register({ method: 'post', path: '/api/mail-outbox', summary: 'Keep a mail the workers could not send (no SMTP configured)', tags: ['mail'], body: mailSchema, responses: { 201: { description: 'Stored' }, 200: { description: 'Already stored under this Idempotency-Key' } }, access: { roles: ['service'] } });
  openApi?.register({ method: 'get', path: '/api/mail-outbox', summary: 'The latest 200 kept mails', tags: ['mail'], responses: { 200: { description: 'Mails, newest first' } }, access: { roles: ['beheerder', 'coordinator'] } });
  const router = Router();
  router.post('/api/mail-outbox', requireRole('service'), async (req, res) => {
    const mail = mailSchema.parse(req.body);
    const key = req.get('idempotency-key') ?? null;
    const id = randomUUID();
    const inserted: { id: string }[] = await db('mail_outbox')
      .insert({
        id,
        idempotency_key: key,
        recipients: mail.to,
        subject: mail.subject,
        html: mail.html,
        text: mail.text ?? null,
        created_by: principalOf(req)?.username ?? 'service',
      })
      .onConflict('idempotency_key')
      .ignore()
      .returning('id');
    res.status(inserted.length > 0 ? 201 : 200).json({ id: inserted[0]?.id ?? null, stored: inserted.length > 0 });
  });
  router.get('/api/mail-outbox', requireRole('beheerder', 'coordinator'), async (_req, res) => {
    const rows = (await db('mail_outbox').orderBy('created_at', 'desc').limit(200)) as Record<string, unknown>[];
    res.json({ items: rows });
  });
  return router;
}
