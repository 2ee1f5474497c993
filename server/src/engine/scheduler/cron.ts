/**
 * Cron expressions as Zeebe accepts them in a timer cycle (it uses Spring's CronExpression): six
 * fields `second minute hour day-of-month month day-of-week`, with `*`, `?`, lists, ranges, steps,
 * month and day names, `L`, `L-n`, `nW`, `LW` (day of month), `nL` and `n#m` (day of week), and the
 * macros @yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly. Day of month and day
 * of week must both match (Spring's rule, unlike Unix cron). Times are UTC.
 */

const MACROS: Readonly<Record<string, string>> = {
  '@yearly': '0 0 0 1 1 *',
  '@annually': '0 0 0 1 1 *',
  '@monthly': '0 0 0 1 * *',
  '@weekly': '0 0 0 * * 0',
  '@daily': '0 0 0 * * *',
  '@midnight': '0 0 0 * * *',
  '@hourly': '0 0 * * * *',
};
const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
/** Spring numbers the days of the week MON=1 … SUN=7; 0 is Sunday too. */
const WEEKDAYS = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'];
const DAY_MS = 24 * 3600 * 1000;
/** Long enough for the rarest day rules (29 February on a given weekday recurs within 28 years). */
const SEARCH_DAYS = 366 * 29;

type DayRule = (year: number, month: number, day: number) => boolean;

export interface CronExpression {
  readonly source: string;
  /** The first instant strictly after `after` (ms), on a whole second; undefined if none. */
  next(after: number): number | undefined;
}

export type CronParse = { ok: true; cron: CronExpression } | { ok: false; message: string };

class CronError extends Error {}

export function parseCron(text: string): CronParse {
  const source = text.trim();
  const fields = (MACROS[source.toLowerCase()] ?? source).split(/\s+/);
  if (fields.length !== 6) {
    return { ok: false, message: `a cron expression has 6 fields (second minute hour day-of-month month day-of-week), but '${source}' has ${fields.length}` };
  }
  try {
    const [second, minute, hour, dayOfMonth, month, dayOfWeek] = fields as [string, string, string, string, string, string];
    const seconds = numbers(second, 'second', 0, 59);
    const minutes = numbers(minute, 'minute', 0, 59);
    const hours = numbers(hour, 'hour', 0, 23);
    const months = new Set(numbers(month, 'month', 1, 12, MONTHS, 1));
    const domRule = dayOfMonthRule(dayOfMonth);
    const dowRule = dayOfWeekRule(dayOfWeek);
    const dayMatches: DayRule = (y, m, d) => months.has(m + 1) && domRule(y, m, d) && dowRule(y, m, d);
    return { ok: true, cron: { source, next: (after) => nextInstant(after, dayMatches, hours, minutes, seconds) } };
  } catch (error) {
    if (error instanceof CronError) return { ok: false, message: `'${source}' is not a valid cron expression: ${error.message}` };
    throw error;
  }
}

function nextInstant(after: number, dayMatches: DayRule, hours: number[], minutes: number[], seconds: number[]): number | undefined {
  const from = Math.floor(after / 1000) * 1000 + 1000;
  const firstDay = from - (from % DAY_MS);
  for (let offset = 0; offset < SEARCH_DAYS; offset++) {
    const dayStart = firstDay + offset * DAY_MS;
    const date = new Date(dayStart);
    if (!dayMatches(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate())) continue;
    const minSecond = offset === 0 ? (from - dayStart) / 1000 : 0;
    const time = firstTimeOfDay(minSecond, hours, minutes, seconds);
    if (time !== undefined) return dayStart + time * 1000;
  }
  return undefined;
}

/** The first second of the day, at or after `minSecond`, that the time fields allow. */
function firstTimeOfDay(minSecond: number, hours: number[], minutes: number[], seconds: number[]): number | undefined {
  for (const h of hours) {
    if ((h + 1) * 3600 <= minSecond) continue;
    for (const m of minutes) {
      if (h * 3600 + (m + 1) * 60 <= minSecond) continue;
      for (const s of seconds) {
        const at = h * 3600 + m * 60 + s;
        if (at >= minSecond) return at;
      }
    }
  }
  return undefined;
}

/** A field of lists, ranges and steps as the sorted values it allows. */
function numbers(field: string, name: string, min: number, max: number, names: string[] = [], nameBase = 0): number[] {
  const values = new Set<number>();
  const value = (text: string): number => {
    const named = names.indexOf(text.toUpperCase());
    const number = named >= 0 ? named + nameBase : /^\d+$/.test(text) ? Number(text) : NaN;
    if (Number.isNaN(number)) throw new CronError(`'${text}' is not a valid ${name}`);
    if (number < min || number > max) throw new CronError(`${name} ${number} is outside ${min}-${max}`);
    return number;
  };
  for (const part of field.split(',')) {
    const [range = '', stepText] = part.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1) throw new CronError(`step '${stepText ?? ''}' in the ${name} field is not a positive number`);
    let from: number;
    let to: number;
    if (range === '*' || range === '?') [from, to] = [min, max];
    else if (range.includes('-')) {
      const [start = '', end = ''] = range.split('-');
      [from, to] = [value(start), value(end)];
      if (from > to) throw new CronError(`range '${range}' in the ${name} field runs backwards`);
    } else {
      from = value(range);
      to = stepText === undefined ? from : max;
    }
    for (let n = from; n <= to; n += step) values.add(n);
  }
  return [...values].sort((a, b) => a - b);
}

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
const weekday = (year: number, month: number, day: number) => new Date(Date.UTC(year, month, day)).getUTCDay();

function dayOfMonthRule(field: string): DayRule {
  const upper = field.toUpperCase();
  if (upper === 'L') return (y, m, d) => d === daysInMonth(y, m);
  if (upper === 'LW') return (y, m, d) => d === nearestWeekday(y, m, daysInMonth(y, m));
  const lastMinus = /^L-(\d+)$/.exec(upper);
  if (lastMinus) {
    const back = Number(lastMinus[1]);
    if (back > 30) throw new CronError(`'${field}' goes back more than 30 days`);
    return (y, m, d) => d === daysInMonth(y, m) - back;
  }
  const nearest = /^(\d+)W$/.exec(upper);
  if (nearest) {
    const target = numbers(nearest[1]!, 'day of month', 1, 31)[0]!;
    return (y, m, d) => d === nearestWeekday(y, m, Math.min(target, daysInMonth(y, m)));
  }
  const days = new Set(numbers(field, 'day of month', 1, 31));
  return (_y, _m, d) => days.has(d);
}

/** The weekday nearest to a day, within its month (Quartz/Spring `W`). */
function nearestWeekday(year: number, month: number, day: number): number {
  const dow = weekday(year, month, day);
  if (dow === 6) return day === 1 ? 3 : day - 1;
  if (dow === 0) return day === daysInMonth(year, month) ? day - 2 : day + 1;
  return day;
}

function dayOfWeekRule(field: string): DayRule {
  // Sunday as 0 becomes 7; a range from 0 becomes Sunday plus the range from Monday.
  const upper = field.toUpperCase().replace(/(^|,)0-/g, '$17,1-').replace(/\b0\b/g, '7');
  const weekdayValue = (text: string) => numbers(text, 'day of week', 1, 7, WEEKDAYS, 1)[0]! % 7;
  const last = /^(\w+)L$/.exec(upper);
  if (last) {
    const dow = weekdayValue(last[1]!);
    return (y, m, d) => weekday(y, m, d) === dow && d + 7 > daysInMonth(y, m);
  }
  const nth = /^(\w+)#(\d+)$/.exec(upper);
  if (nth) {
    const dow = weekdayValue(nth[1]!);
    const which = Number(nth[2]);
    if (which < 1 || which > 5) throw new CronError(`'${field}': the week of the month must be 1-5`);
    return (y, m, d) => weekday(y, m, d) === dow && Math.ceil(d / 7) === which;
  }
  const days = new Set(numbers(upper, 'day of week', 1, 7, WEEKDAYS, 1).map((day) => day % 7));
  return (y, m, d) => days.has(weekday(y, m, d));
}
