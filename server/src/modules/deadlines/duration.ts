import { InputError } from '../../http/errors.js';
import { addDays, addMonths, compareDates, type CalendarDate } from './calendarDate.js';

/**
 * An ISO 8601 duration in whole days, weeks, months and years (`P8W`, `P42D`, `P1M`, `P1Y6M`).
 * Terms in zaakgericht werken never use hours, so time parts are refused rather than rounded.
 */
export interface DateDuration {
  years: number;
  months: number;
  weeks: number;
  days: number;
}

const DURATION_PATTERN = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/;

export function isDateDuration(value: unknown): value is string {
  return typeof value === 'string' && tryParseDuration(value) !== undefined;
}

export function parseDuration(value: string, field = 'duration'): DateDuration {
  const parsed = tryParseDuration(value);
  if (!parsed) {
    throw new InputError(
      `${field}: expected an ISO 8601 duration in years, months, weeks or days such as P8W, P42D or P1M, got ${JSON.stringify(value)}`,
      { field },
    );
  }
  return parsed;
}

/** Adds a duration: years and months first (clamped to the month's last day), then weeks and days. */
export function addDuration(date: CalendarDate, duration: DateDuration | string): CalendarDate {
  const { years, months, weeks, days } =
    typeof duration === 'string' ? parseDuration(duration) : duration;
  return addDays(addMonths(date, years * 12 + months), weeks * 7 + days);
}

/**
 * Compares two durations by where they end from the same reference date: `P1M` and `P30D`
 * have no fixed order in general, but for one concrete term they do.
 */
export function compareDurationsFrom(reference: CalendarDate, a: string, b: string): number {
  return compareDates(addDuration(reference, a), addDuration(reference, b));
}

function tryParseDuration(value: string): DateDuration | undefined {
  const match = DURATION_PATTERN.exec(value);
  if (!match || value === 'P') return undefined;
  return {
    years: Number(match[1] ?? 0),
    months: Number(match[2] ?? 0),
    weeks: Number(match[3] ?? 0),
    days: Number(match[4] ?? 0),
  };
}
