const MS = { W: 7 * 86_400_000, D: 86_400_000, H: 3_600_000, M: 60_000, S: 1000 } as const;

const DURATION =
  /^(-)?P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:[.,]\d{1,3})?)S)?)?$/;

/**
 * Milliseconds of an ISO 8601 duration of weeks, days, hours, minutes and seconds (`P1D`,
 * `PT1H30M`, `-PT15S`), or a sentence saying what is wrong with it. Years and months are refused:
 * their length depends on the date they are added to.
 */
export function parseIsoDuration(text: string): number | string {
  const match = DURATION.exec(text);
  if (!match || text.endsWith('T') || text === 'P' || text === '-P') {
    if (/^-?P(\d+Y|\d+M(?!.*T))/.test(text)) {
      return `Duration '${text}' uses years or months, whose length is not fixed; use weeks, days, hours, minutes or seconds`;
    }
    return `Expected an ISO 8601 duration such as PT1H, P2D or -PT30M, but got '${text}'`;
  }
  const [, sign, weeks, days, hours, minutes, seconds] = match;
  const total =
    Number(weeks ?? 0) * MS.W +
    Number(days ?? 0) * MS.D +
    Number(hours ?? 0) * MS.H +
    Number(minutes ?? 0) * MS.M +
    Math.round(Number((seconds ?? '0').replace(',', '.')) * MS.S);
  return sign ? -total : total;
}
