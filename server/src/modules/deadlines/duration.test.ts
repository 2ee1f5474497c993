import { describe, expect, it } from 'vitest';
import { addDuration, compareDurationsFrom, isDateDuration, parseDuration } from './duration.js';

describe('ISO 8601 durations', () => {
  it('parses days, weeks, months and years', () => {
    expect(parseDuration('P8W')).toEqual({ years: 0, months: 0, weeks: 8, days: 0 });
    expect(parseDuration('P42D')).toEqual({ years: 0, months: 0, weeks: 0, days: 42 });
    expect(parseDuration('P1Y6M')).toEqual({ years: 1, months: 6, weeks: 0, days: 0 });
  });

  it('refuses time parts, fractions and empty durations with a message naming the field', () => {
    for (const value of ['P', 'PT8H', 'P1DT2H', 'P1.5W', '8W', 'p8w', '']) {
      expect(isDateDuration(value)).toBe(false);
    }
    expect(() => parseDuration('PT8H', 'doorlooptijd')).toThrow(
      /^doorlooptijd: expected an ISO 8601 duration/,
    );
  });

  it('adds durations to dates', () => {
    expect(addDuration('2026-01-05', 'P8W')).toBe('2026-03-02');
    expect(addDuration('2026-01-05', 'P42D')).toBe('2026-02-16');
    expect(addDuration('2026-01-31', 'P1M')).toBe('2026-02-28');
    expect(addDuration('2024-02-29', 'P1Y')).toBe('2025-02-28');
  });

  it('compares durations from a concrete date', () => {
    expect(compareDurationsFrom('2026-02-01', 'P1M', 'P4W')).toBe(0); // February 2026 has 28 days
    expect(compareDurationsFrom('2026-03-01', 'P1M', 'P4W')).toBe(1);
    expect(compareDurationsFrom('2026-03-01', 'P6W', 'P8W')).toBe(-1);
  });
});
