const dateFormat = new Intl.DateTimeFormat('nl-NL', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});
const dateTimeFormat = new Intl.DateTimeFormat('nl-NL', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

function parse(value: string | null | undefined): Date | null {
  if (!value) return null;
  // A plain calendar date is a local day, not UTC midnight.
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00`) : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

export function formatDate(value: string | null | undefined): string {
  const date = parse(value);
  return date ? dateFormat.format(date) : '—';
}

export function formatDateTime(value: string | null | undefined): string {
  const date = parse(value);
  return date ? dateTimeFormat.format(date) : '—';
}

/** Whole calendar days from today to the date; negative when it has passed. */
export function daysUntil(value: string | null | undefined, today = new Date()): number | null {
  const date = parse(value);
  if (!date) return null;
  const startOfToday = new Date(today.getFullYear(), today.getMonth(), today.getDate());
  const startOfDay = new Date(date.getFullYear(), date.getMonth(), date.getDate());
  return Math.round((startOfDay.getTime() - startOfToday.getTime()) / 86_400_000);
}

/** ISO 8601 durations the server uses (P6W, P8W, P10D) in words. */
export function formatDuration(value: string | null | undefined): string {
  if (!value) return '—';
  const match = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/.exec(value);
  if (!match) return value;
  const units: Array<[string | undefined, string, string]> = [
    [match[1], 'jaar', 'jaar'],
    [match[2], 'maand', 'maanden'],
    [match[3], 'week', 'weken'],
    [match[4], 'dag', 'dagen'],
  ];
  return units
    .filter(([amount]) => amount !== undefined)
    .map(([amount, one, many]) => `${amount} ${Number(amount) === 1 ? one : many}`)
    .join(' en ');
}

/** How long ago an instant was, in whole hours under a day, else in days: "5 uur", "3 dagen". */
export function formatAge(value: string, now = Date.now()): string {
  const hours = Math.floor((now - Date.parse(value)) / 3_600_000);
  return hours < 24 ? `${hours} uur` : `${Math.floor(hours / 24)} dagen`;
}
