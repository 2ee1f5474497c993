import { describe, expect, it } from 'vitest';
import { WorkCalendar } from './workCalendar.js';

describe('WorkCalendar', () => {
  const calendar = new WorkCalendar([
    { datum: '2026-05-15', omschrijving: 'Vrijdag na Hemelvaartsdag' },
  ]);

  it('treats weekends, national feestdagen and extra days as non-working days', () => {
    expect(calendar.isWorkingDay('2026-04-25')).toBe(false); // Saturday
    expect(calendar.isWorkingDay('2026-04-27')).toBe(false); // Koningsdag
    expect(calendar.isWorkingDay('2026-05-15')).toBe(false); // extra day
    expect(calendar.isWorkingDay('2026-04-28')).toBe(true);
    expect(calendar.feestdagOn('2026-05-15')).toBe('Vrijdag na Hemelvaartsdag');
  });

  it('finds the next working day', () => {
    expect(calendar.nextWorkingDayFrom('2026-05-14')).toBe('2026-05-18'); // Hemelvaart, extra day, weekend
    expect(calendar.nextWorkingDayFrom('2026-05-13')).toBe('2026-05-13');
  });

  it('counts working days after a date up to and including another', () => {
    // given Wednesday 13 May 2026 and the Monday after the Hemelvaart weekend
    // then only Monday 18 May counts
    expect(calendar.workingDaysBetween('2026-05-13', '2026-05-18')).toBe(1);
    expect(calendar.workingDaysBetween('2026-05-18', '2026-05-13')).toBe(0);
  });

  it('adds working days', () => {
    expect(calendar.addWorkingDays('2026-05-13', 2)).toBe('2026-05-19');
    expect(calendar.addWorkingDays('2026-05-13', 0)).toBe('2026-05-13');
  });

  it('lists national feestdagen and extra days of a year together', () => {
    const names = calendar.feestdagenIn(2026).map((day) => day.omschrijving);
    expect(names.indexOf('Vrijdag na Hemelvaartsdag')).toBe(names.indexOf('Hemelvaartsdag') + 1);
  });
});
