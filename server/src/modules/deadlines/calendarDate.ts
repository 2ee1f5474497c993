import { InputError } from '../../http/errors.js';

/**
 * A calendar date as `YYYY-MM-DD`. Deadlines are days, not instants: all arithmetic works on
 * whole days counted in UTC, so no local time zone or daylight-saving change can shift a date.
 */
export type CalendarDate = string;

export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6; // 0 = Sunday, as Date#getUTCDay

const MS_PER_DAY = 86_400_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real `YYYY-MM-DD` date (no 30 February) in years 1000–9999. */
export function isCalendarDate(value: unknown): value is CalendarDate {
  if (typeof value !== 'string') return false;
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  if (year < 1000) return false;
  return formatDayNumber(toDayNumber(year, month, day)) === value;
}

/** Throws an InputError naming the field unless the value is a valid calendar date. */
export function assertCalendarDate(value: unknown, field = 'date'): CalendarDate {
  if (!isCalendarDate(value)) {
    throw new InputError(`${field}: expected a date as YYYY-MM-DD, got ${JSON.stringify(value)}`, {
      field,
    });
  }
  return value;
}

export function calendarDate(year: number, month: number, day: number): CalendarDate {
  return formatDayNumber(toDayNumber(year, month, day));
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return formatDayNumber(dayNumberOf(date) + days);
}

/** Adds months; a day that does not exist in the target month becomes its last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const { year, month, day } = partsOf(date);
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = (monthIndex % 12) + 1;
  return calendarDate(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}

/** Number of days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return dayNumberOf(to) - dayNumberOf(from);
}

export function weekdayOf(date: CalendarDate): Weekday {
  return new Date(dayNumberOf(date) * MS_PER_DAY).getUTCDay() as Weekday;
}

export function isWeekend(date: CalendarDate): boolean {
  const weekday = weekdayOf(date);
  return weekday === 0 || weekday === 6;
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  // ISO dates compare correctly as strings.
  return a < b ? -1 : a > b ? 1 : 0;
}

export function laterOf(a: CalendarDate, b: CalendarDate): CalendarDate {
  return a >= b ? a : b;
}

export function yearOf(date: CalendarDate): number {
  return partsOf(date).year;
}

/** Today's date in the Netherlands: a zaak received at 00:30 Dutch time belongs to that Dutch day. */
export function todayInNetherlands(now: Date = new Date()): CalendarDate {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Amsterdam',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

function partsOf(date: CalendarDate): { year: number; month: number; day: number } {
  const match = DATE_PATTERN.exec(date);
  if (!match) throw new InputError(`Expected a date as YYYY-MM-DD, got ${JSON.stringify(date)}`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

function dayNumberOf(date: CalendarDate): number {
  const { year, month, day } = partsOf(date);
  return toDayNumber(year, month, day);
}

function toDayNumber(year: number, month: number, day: number): number {
  // setUTCFullYear instead of Date.UTC: Date.UTC maps years 0–99 to 1900–1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return Math.round(date.getTime() / MS_PER_DAY);
}

function formatDayNumber(dayNumber: number): CalendarDate {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
