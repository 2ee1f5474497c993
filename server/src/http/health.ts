import { Router } from 'express';
import type { Database } from '../db/database.js';
import { migrationsCurrent } from '../db/migrate.js';

/** Liveness: the process answers. Readiness: database reachable and migrations current. */
export function healthRouter(db: Database): Router {
  const router = Router();
  router.get('/health/live', (_req, res) => {
    res.json({ status: 'UP' });
  });
  router.get('/health/ready', async (req, res) => {
    const checks: Record<string, string> = {};
    try {
      await db.raw('select 1');
      checks.database = 'UP';
      checks.migrations = (await migrationsCurrent(db)) ? 'UP' : 'PENDING';
    } catch (error) {
      req.log.warn({ err: error }, 'readiness check failed');
      checks.database ??= 'DOWN';
    }
    const ready = Object.values(checks).every((value) => value === 'UP') && checks.migrations !== undefined;
    res.status(ready ? 200 : 503).json({ status: ready ? 'UP' : 'DOWN', checks });
  });
  return router;
}
