import type { Logger } from '../../logging.js';
import { runPeriodically } from '../../platform/periodic.js';
import type { BurgerService } from './service.js';

/**
 * Every server sweeps for intake status links that were not made or not mailed (a server stopped
 * in between), every `intervalMs`; `graceMs` leaves the server that took the zaak in time to do it.
 */
export function startIntakeLinkSweeper(options: {
  service: BurgerService;
  logger: Logger;
  intervalMs?: number;
  graceMs?: number;
}): { stop(): Promise<void> } {
  return runPeriodically(
    options.intervalMs ?? 15_000,
    async () => {
      const sent = await options.service.sweepIntakeLinks({ graceMs: options.graceMs ?? 60_000, limit: 100 });
      if (sent > 0) options.logger.info({ sent }, 'status links sent that an earlier attempt did not');
    },
    (error) => options.logger.warn({ err: error }, 'status-link sweep failed; retrying next round'),
  );
}
