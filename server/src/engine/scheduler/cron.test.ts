import { describe, expect, it } from 'vitest';
import { parseCron } from './cron.js';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());
function nextOf(expression: string, after: string): string | undefined {
  const parsed = parseCron(expression);
  if (!parsed.ok) throw new Error(parsed.message);
  return iso(parsed.cron.next(at(after)));
}

/** Zeebe: "a time cycle can be defined as a cron expression" (Spring's six-field format). */
describe('cron expressions in timer cycles', () => {
  it('reads second minute hour day-of-month month day-of-week', () => {
    // 2026-11-27 is a Friday
    expect(nextOf('0 0 9 * * MON-FRI', '2026-11-27T08:00:00Z')).toBe('2026-11-27T09:00:00.000Z');
    expect(nextOf('0 0 9 * * MON-FRI', '2026-11-27T09:00:00Z')).toBe('2026-11-30T09:00:00.000Z');
    expect(nextOf('*/15 * * * * *', '2026-11-27T08:00:07.500Z')).toBe('2026-11-27T08:00:15.000Z');
    expect(nextOf('0 30 8-10/2 1,15 * ?', '2026-11-27T00:00:00Z')).toBe('2026-12-01T08:30:00.000Z');
    expect(nextOf('0 0 0 1 JAN *', '2026-11-27T00:00:00Z')).toBe('2027-01-01T00:00:00.000Z');
  });

  it('is strictly after the given instant', () => {
    expect(nextOf('0 * * * * *', '2026-11-27T08:01:00Z')).toBe('2026-11-27T08:02:00.000Z');
  });

  it('needs both day fields to match, as Spring does (Friday the 13th)', () => {
    expect(nextOf('0 0 0 13 * FRI', '2026-01-01T00:00:00Z')).toBe('2026-02-13T00:00:00.000Z');
  });

  it('knows 0 and 7 and SUN as Sunday, and the special day rules', () => {
    expect(nextOf('0 0 12 * * 0', '2026-11-27T00:00:00Z')).toBe('2026-11-29T12:00:00.000Z');
    expect(nextOf('0 0 12 * * 7', '2026-11-27T00:00:00Z')).toBe('2026-11-29T12:00:00.000Z');
    expect(nextOf('0 0 12 * * 0-1', '2026-11-27T00:00:00Z')).toBe('2026-11-29T12:00:00.000Z');
    expect(nextOf('0 0 12 * * SAT-SUN', '2026-11-27T00:00:00Z')).toBe('2026-11-28T12:00:00.000Z');
    expect(nextOf('0 0 0 L * *', '2026-02-02T00:00:00Z')).toBe('2026-02-28T00:00:00.000Z');
    expect(nextOf('0 0 0 L-2 * *', '2026-02-02T00:00:00Z')).toBe('2026-02-26T00:00:00.000Z');
    // 1 August 2026 is a Saturday: the nearest weekday in August is Monday the 3rd
    expect(nextOf('0 0 0 1W * *', '2026-07-15T00:00:00Z')).toBe('2026-08-03T00:00:00.000Z');
    // last weekday of May 2026 (the 31st is a Sunday)
    expect(nextOf('0 0 0 LW * *', '2026-05-01T00:00:00Z')).toBe('2026-05-29T00:00:00.000Z');
    expect(nextOf('0 0 0 * * 5L', '2026-11-01T00:00:00Z')).toBe('2026-11-27T00:00:00.000Z');
    expect(nextOf('0 0 0 * * MON#2', '2026-11-01T00:00:00Z')).toBe('2026-11-09T00:00:00.000Z');
    expect(nextOf('0 0 0 29 2 *', '2026-03-01T00:00:00Z')).toBe('2028-02-29T00:00:00.000Z');
  });

  it('accepts the macros Spring knows', () => {
    expect(nextOf('@daily', '2026-11-27T08:00:00Z')).toBe('2026-11-28T00:00:00.000Z');
    expect(nextOf('@midnight', '2026-11-27T08:00:00Z')).toBe('2026-11-28T00:00:00.000Z');
    expect(nextOf('@hourly', '2026-11-27T08:00:00Z')).toBe('2026-11-27T09:00:00.000Z');
    expect(nextOf('@weekly', '2026-11-27T08:00:00Z')).toBe('2026-11-29T00:00:00.000Z');
    expect(nextOf('@monthly', '2026-11-27T08:00:00Z')).toBe('2026-12-01T00:00:00.000Z');
    expect(nextOf('@yearly', '2026-11-27T08:00:00Z')).toBe('2027-01-01T00:00:00.000Z');
    expect(nextOf('@annually', '2026-11-27T08:00:00Z')).toBe('2027-01-01T00:00:00.000Z');
  });

  it('explains what is wrong with a bad expression', () => {
    const problem = (expression: string) => {
      const parsed = parseCron(expression);
      return parsed.ok ? undefined : parsed.message;
    };
    expect(problem('0 9 * * *')).toContain('6 fields');
    expect(problem('0 0 25 * * *')).toContain('hour 25 is outside 0-23');
    expect(problem('0 0 9 * * MOO')).toContain("'MOO' is not a valid day of week");
    expect(problem('0 0 9 * 13 *')).toContain('month 13 is outside 1-12');
    expect(problem('0 0 9 5-1 * *')).toContain('runs backwards');
    expect(problem('0 0 9 * * MON#6')).toContain('1-5');
    expect(problem('@every_day')).toContain('6 fields');
  });

  it('never matching (30 February) gives no next instant', () => {
    const parsed = parseCron('0 0 0 30 2 *');
    expect(parsed.ok && parsed.cron.next(at('2026-01-01T00:00:00Z'))).toBeUndefined();
  });
});
