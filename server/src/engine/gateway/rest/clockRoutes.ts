import type { Router } from 'express';
import type { Logger } from '../../../logging.js';
import type { ControllableClock } from '../../clock.js';
import { forbidden, invalidArgument } from './problemDetail.js';
import { addClockSchema, pinClockSchema } from './schemas/clockSchemas.js';

export interface ClockRouteOptions {
  clock: ControllableClock;
  /** ENGINE_CLOCK_CONTROL: only then may clients move the engine's time. */
  enabled: boolean;
  logger: Logger;
}

const DISABLED =
  'Clock control is disabled on this engine. Start the server with ENGINE_CLOCK_CONTROL=true to pin, move or reset the engine clock (meant for tests, never for production).';

/**
 * Camunda's PUT /v2/clock and POST /v2/clock/reset, plus POST /v2/clock/add and GET /v2/clock
 * (which Camunda added in 8.11, with the same shapes). Every route answers 403 when disabled.
 */
export function addClockRoutes(
  router: Router,
  { clock, enabled, logger }: ClockRouteOptions,
): void {
  if (!enabled) {
    router.all(['/v2/clock', '/v2/clock/reset', '/v2/clock/add'], () => {
      throw forbidden(DISABLED);
    });
    return;
  }
  const now = () => ({ timestamp: new Date(clock.now()).toISOString() });

  router.get('/v2/clock', (_req, res) => {
    res.json(now());
  });

  router.put('/v2/clock', (req, res) => {
    const { timestamp } = pinClockSchema.parse(req.body ?? {});
    clock.pin(timestamp);
    logger.info({ timestamp: new Date(timestamp).toISOString() }, 'engine clock pinned');
    res.status(204).end();
  });

  router.post('/v2/clock/reset', (_req, res) => {
    clock.reset();
    logger.info('engine clock reset to system time');
    res.status(204).end();
  });

  router.post('/v2/clock/add', (req, res) => {
    const millis = addClockSchema.parse(req.body ?? {});
    if (clock.now() + millis < 0) {
      throw invalidArgument(
        `Moving the clock by ${millis} ms would take it before 1970-01-01T00:00:00Z`,
      );
    }
    clock.add(millis);
    logger.info({ millis, now: new Date(clock.now()).toISOString() }, 'engine clock moved');
    res.json(now());
  });
}
