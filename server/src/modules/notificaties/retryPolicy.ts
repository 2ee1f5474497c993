import type { RetryPolicy } from './types.js';

/** The wait before attempt `attempt + 1` after `attempt` failed ones: base × 2^(attempt−1), capped. */
export function backoffMs(policy: RetryPolicy, attempt: number): number {
  return Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
}

/** When the next attempt is due, or null when this was the last one allowed. */
export function nextAttemptAt(policy: RetryPolicy, attempt: number, now: Date): Date | null {
  if (attempt >= policy.maxAttempts) return null;
  return new Date(now.getTime() + backoffMs(policy, attempt));
}
