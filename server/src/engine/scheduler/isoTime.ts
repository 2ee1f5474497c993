/**
 * ISO 8601 as BPMN timers use it: durations (P1DT2H, P8W), date-times with an offset, and
 * repeating intervals (R3/PT1H, R/P1D). Cron cycles are in cron.ts.
 */
const DURATION = /^(-)?P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

export interface IsoDuration {
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

export function parseDuration(text: string): IsoDuration | undefined {
  const match = DURATION.exec(text.trim());
  if (!match || match[1] || text.trim() === 'P' || text.trim().endsWith('T')) return undefined;
  const [years, months, weeks, days, hours, minutes, seconds] = match.slice(2).map((part) => Number(part ?? 0));
  return { years: years!, months: months!, weeks: weeks!, days: days!, hours: hours!, minutes: minutes!, seconds: seconds! };
}

/** The instant `duration` after `from` (calendar months and years as Zeebe: by the calendar, UTC). */
export function addDuration(from: number, duration: IsoDuration): number {
  const date = new Date(from);
  date.setUTCFullYear(date.getUTCFullYear() + duration.years, date.getUTCMonth() + duration.months);
  const fixedMs = ((duration.weeks * 7 + duration.days) * 24 * 3600 + duration.hours * 3600 + duration.minutes * 60 + duration.seconds) * 1000;
  return date.getTime() + fixedMs;
}

export function parseDateTime(text: string): number | undefined {
  // A timer date needs an offset or zone: without one its meaning depends on the server.
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})(\[[^\]]+\])?$/.test(text.trim())) return undefined;
  const time = Date.parse(text.trim().replace(/\[[^\]]+\]$/, ''));
  return Number.isNaN(time) ? undefined : time;
}

export interface IsoCycle {
  /** -1 repeats forever. */
  repetitions: number;
  interval: IsoDuration;
  intervalText: string;
  start?: number;
}

export function parseCycle(text: string): IsoCycle | undefined {
  const parts = text.trim().split('/');
  const match = /^R(\d*)$/.exec(parts[0] ?? '');
  if (!match || parts.length < 2 || parts.length > 3) return undefined;
  const repetitions = match[1] === '' ? -1 : Number(match[1]);
  const start = parts.length === 3 ? parseDateTime(parts[1]!) : undefined;
  const intervalText = parts[parts.length - 1]!;
  const interval = parseDuration(intervalText);
  if (!interval || (parts.length === 3 && start === undefined)) return undefined;
  return { repetitions, interval, intervalText, ...(start !== undefined ? { start } : {}) };
}
