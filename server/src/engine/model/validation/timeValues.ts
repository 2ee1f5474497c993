import { parseCron } from '../../scheduler/cron.js';

/**
 * Syntax checks for static time values, so a typo fails the deployment instead of raising an
 * incident later. They follow what Zeebe accepts: ISO 8601 date-times with an offset (optionally a
 * zone id), ISO 8601 durations, and cycles as repeating intervals or cron expressions.
 */

const DATE_TIME =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})(\[[A-Za-z0-9_+\-/]+\])?$/;
const DURATION =
  /^-?P(?=\d|T\d)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/;
export function isDateTime(value: string): boolean {
  const trimmed = value.trim();
  return DATE_TIME.test(trimmed) && !Number.isNaN(Date.parse(trimmed.replace(/\[.*\]$/, '')));
}

export function isDuration(value: string): boolean {
  return DURATION.test(value.trim());
}

/** `R5/PT10S`, `R/2025-01-01T08:00:00Z/P1D`, or a six-field (Spring) cron expression / macro. */
export function isCycle(value: string): boolean {
  const trimmed = value.trim();
  if (trimmed.startsWith('R')) return isRepeatingInterval(trimmed);
  return parseCron(trimmed).ok;
}

/** What is wrong with a cycle that is meant as a cron expression (it does not start with R). */
export function cronProblem(value: string): string | undefined {
  const trimmed = value.trim();
  if (trimmed.startsWith('R')) return undefined;
  const parsed = parseCron(trimmed);
  return parsed.ok ? undefined : parsed.message;
}

function isRepeatingInterval(value: string): boolean {
  const parts = value.split('/');
  if (!/^R\d*$/.test(parts[0] ?? '')) return false;
  if (parts.length === 2) return isDuration(parts[1]!);
  if (parts.length === 3) {
    const [, first, second] = parts as [string, string, string];
    return (isDateTime(first) && isDuration(second)) || (isDuration(first) && isDateTime(second));
  }
  return false;
}

export const DATE_TIME_EXAMPLE = "a valid DateTime String, e.g. '2023-03-02T15:35+02:00'";
