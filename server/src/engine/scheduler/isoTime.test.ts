import { describe, expect, it } from 'vitest';
import { addDuration, parseCycle, parseDateTime, parseDuration } from './isoTime.js';

describe('ISO 8601 timer values', () => {
  it('parses durations, weeks included, and adds them by the calendar', () => {
    const start = Date.parse('2026-01-31T10:00:00Z');
    expect(addDuration(start, parseDuration('P8W')!)).toBe(Date.parse('2026-03-28T10:00:00Z'));
    expect(addDuration(start, parseDuration('PT1H30M')!)).toBe(Date.parse('2026-01-31T11:30:00Z'));
    expect(addDuration(start, parseDuration('P1D')!)).toBe(Date.parse('2026-02-01T10:00:00Z'));
    expect(parseDuration('P')).toBeUndefined();
    expect(parseDuration('1 day')).toBeUndefined();
  });

  it('needs an offset on a date-time', () => {
    expect(parseDateTime('2026-12-01T09:00:00+01:00')).toBe(Date.parse('2026-12-01T08:00:00Z'));
    expect(parseDateTime('2026-12-01T09:00:00')).toBeUndefined();
  });

  it('parses repeating intervals, bounded and unbounded', () => {
    expect(parseCycle('R3/PT10S')).toMatchObject({ repetitions: 3, intervalText: 'PT10S' });
    expect(parseCycle('R/P1D')).toMatchObject({ repetitions: -1 });
    expect(parseCycle('0 0 9 * * MON')).toBeUndefined();
  });
});
