import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  assertCalendarDate,
  daysBetween,
  isCalendarDate,
  isWeekend,
  todayInNetherlands,
  weekdayOf,
} from './calendarDate.js';

describe('calendar dates', () => {
  it('accepts real dates only', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2025-02-29')).toBe(false);
    expect(isCalendarDate('2025-13-01')).toBe(false);
    expect(isCalendarDate('2025-4-1')).toBe(false);
    expect(isCalendarDate('2025-04-01T00:00:00Z')).toBe(false);
    expect(isCalendarDate(20250401)).toBe(false);
  });

  it('names the field when a date is invalid', () => {
    expect(() => assertCalendarDate('2025-02-30', 'startdatum')).toThrow(
      /^startdatum: expected a date as YYYY-MM-DD/,
    );
  });

  it('adds days across month, year and daylight-saving boundaries', () => {
    expect(addDays('2025-03-29', 2)).toBe('2025-03-31'); // DST starts 30 March in the Netherlands
    expect(addDays('2025-10-25', 2)).toBe('2025-10-27'); // DST ends 26 October
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });

  it('adds months, clamping to the last day of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-11-15', 3)).toBe('2026-02-15');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
  });

  it('counts days and knows weekdays', () => {
    expect(daysBetween('2026-01-20', '2026-01-30')).toBe(10);
    expect(daysBetween('2026-01-30', '2026-01-20')).toBe(-10);
    expect(weekdayOf('2025-04-27')).toBe(0);
    expect(isWeekend('2025-04-26')).toBe(true);
    expect(isWeekend('2026-04-27')).toBe(false);
  });

  it("gives today's date as it is in the Netherlands", () => {
    // 23:30 UTC on 31 December is already New Year's Day in Amsterdam (UTC+1)
    expect(todayInNetherlands(new Date('2025-12-31T23:30:00Z'))).toBe('2026-01-01');
    // 22:30 UTC on 30 June is 00:30 on 1 July in summer time (UTC+2)
    expect(todayInNetherlands(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
  });
});
