/**
 * Zeebe's JSON forms of FEEL temporal values. feelin represents every temporal value as a luxon
 * DateTime or Duration; luxon's typings are not installed, so the shapes we rely on are declared
 * here and recognised by luxon's own brand properties.
 */

interface LuxonZone {
  /** 'system' (no offset given), 'fixed' (an offset) or 'iana' (a region). */
  readonly type: string;
}

export interface FeelDateTime {
  readonly isLuxonDateTime: true;
  readonly isValid: boolean;
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond: number;
  /** Offset from UTC in minutes. */
  readonly offset: number;
  readonly zone: LuxonZone;
}

export interface FeelDuration {
  readonly isLuxonDuration: true;
  readonly isValid: boolean;
  toObject(): Record<string, number | undefined>;
  toMillis(): number;
  toISO(): string | null;
}

export type TemporalType = 'DATE' | 'TIME' | 'DATE_TIME' | 'DURATION' | 'PERIOD';

export function isFeelDateTime(value: unknown): value is FeelDateTime {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as Partial<FeelDateTime>).isLuxonDateTime === true
  );
}

export function isFeelDuration(value: unknown): value is FeelDuration {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as Partial<FeelDuration>).isLuxonDuration === true
  );
}

/**
 * Mirrors feelin's own typing: times live on 1900-01-01, and a date is midnight at the UTC
 * offset. (So a date-time at exactly midnight with offset zero reads as a date; feelin cannot
 * tell them apart either.)
 */
export function dateTimeType(value: FeelDateTime): 'DATE' | 'TIME' | 'DATE_TIME' {
  if (value.year === 1900 && value.month === 1 && value.day === 1) return 'TIME';
  const midnight =
    value.hour === 0 && value.minute === 0 && value.second === 0 && value.millisecond === 0;
  if (midnight && value.zone.type === 'fixed' && value.offset === 0) return 'DATE';
  return 'DATE_TIME';
}

/** `2026-11-26`, `10:00:00(+01:00)`, `2026-11-26T10:00:00(.5)(Z)`; no offset when none was given. */
export function formatDateTime(value: FeelDateTime): string {
  const date = `${pad(value.year, 4)}-${pad(value.month, 2)}-${pad(value.day, 2)}`;
  const type = dateTimeType(value);
  if (type === 'DATE') return date;
  const fraction = value.millisecond ? '.' + pad(value.millisecond, 3).replace(/0+$/, '') : '';
  const time = `${pad(value.hour, 2)}:${pad(value.minute, 2)}:${pad(value.second, 2)}${fraction}`;
  const offset = value.zone.type === 'system' ? '' : formatOffset(value.offset);
  return type === 'TIME' ? time + offset : `${date}T${time}${offset}`;
}

const YEAR_MONTH_UNITS = new Set(['years', 'quarters', 'months']);

/** Years-months durations (PERIOD) and days-time durations (DURATION); FEEL keeps them apart. */
export function durationType(value: FeelDuration): 'DURATION' | 'PERIOD' {
  const units = Object.entries(value.toObject()).filter(([, amount]) => amount !== undefined);
  const yearMonth = units.length > 0 && units.every(([unit]) => YEAR_MONTH_UNITS.has(unit));
  return yearMonth ? 'PERIOD' : 'DURATION';
}

/** `P1Y2M` / `P1DT2H30M` / `-PT0.5S`, normalised the way FEEL prints durations (`P365D`, not `PT31536000S`). */
export function formatDuration(value: FeelDuration): string {
  const units = value.toObject();
  if (durationType(value) === 'PERIOD') {
    return formatPeriod((units.years ?? 0) * 12 + (units.quarters ?? 0) * 3 + (units.months ?? 0));
  }
  if (units.years || units.quarters || units.months) return value.toISO() ?? 'PT0S'; // mixed: not a FEEL duration
  return formatDaysTime(value.toMillis());
}

function formatPeriod(totalMonths: number): string {
  const months = Math.abs(totalMonths);
  const years = Math.floor(months / 12);
  const text = (years ? `${years}Y` : '') + (months % 12 ? `${months % 12}M` : '');
  return (totalMonths < 0 ? '-P' : 'P') + (text || '0Y');
}

function formatDaysTime(totalMillis: number): string {
  let rest = Math.abs(Math.round(totalMillis));
  const take = (size: number) => {
    const amount = Math.floor(rest / size);
    rest -= amount * size;
    return amount;
  };
  const [days, hours, minutes, seconds] = [
    take(86_400_000),
    take(3_600_000),
    take(60_000),
    take(1000),
  ];
  const fraction = rest ? '.' + pad(rest, 3).replace(/0+$/, '') : '';
  const time =
    (hours ? `${hours}H` : '') +
    (minutes ? `${minutes}M` : '') +
    (seconds || fraction ? `${seconds}${fraction}S` : '');
  const text = (days ? `${days}D` : '') + (time ? `T${time}` : '');
  return (totalMillis < 0 ? '-P' : 'P') + (text || 'T0S');
}

function formatOffset(minutes: number): string {
  if (minutes === 0) return 'Z';
  const sign = minutes < 0 ? '-' : '+';
  const absolute = Math.abs(minutes);
  return `${sign}${pad(Math.floor(absolute / 60), 2)}:${pad(absolute % 60, 2)}`;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}
