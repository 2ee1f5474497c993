import { Router, type RequestHandler } from 'express';
import type { Knex } from 'knex';
import type { OpenApiRegistry } from '../../http/openapi.js';
import { listAuditEntries } from './auditService.js';
import { auditPageSchema, auditQuerySchema } from './schemas.js';

export interface AuditRouterOptions {
  db: Knex;
  /** From the auth module; passed in so audit does not depend on auth's internals. */
  requireRole: (...roles: string[]) => RequestHandler;
  openApi?: OpenApiRegistry;
}

/** Who may browse the whole trail; a zaak's own trail is served by the zaken module with its own checks. */
export const auditReaderRoles = ['beheerder', 'coordinator', 'manager'] as const;

/** `GET /api/audit`: the audit trail, newest first, filtered and paged. */
export function auditRouter({ db, requireRole, openApi }: AuditRouterOptions): Router {
  openApi?.register({
    method: 'get',
    path: '/api/audit',
    summary: 'The audit trail: who changed what, when, with old and new value',
    tags: ['audit'],
    query: auditQuerySchema,
    responses: { 200: { description: 'A page of entries, newest first', schema: auditPageSchema } },
    access: { roles: auditReaderRoles },
  });

  const router = Router();
  router.get('/api/audit', requireRole(...auditReaderRoles), async (req, res) => {
    const filter = auditQuerySchema.parse(req.query);
    res.json(await listAuditEntries(db, filter));
  });
  return router;
}
