/** Zeebe's default retries for a service task; the first failure is attempt 1. */
const assumedInitialRetries = 3;
const baseMs = 5_000;
const maxMs = 10 * 60_000;

/**
 * Exponential back-off from the retries a job still has: 5 s, 10 s, 20 s, … capped at 10 minutes.
 * The job does not tell its initial retries, so attempts are counted down from Zeebe's default.
 */
export function exponentialBackOffMs(retriesLeft: number): number {
  const attempt = Math.max(0, assumedInitialRetries - retriesLeft);
  return Math.min(baseMs * 2 ** attempt, maxMs);
}
