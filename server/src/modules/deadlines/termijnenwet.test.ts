import { describe, expect, it } from 'vitest';
import { legalTermEnd, plainTermEnd } from './termijnenwet.js';
import { WorkCalendar } from './workCalendar.js';

describe('Algemene termijnenwet', () => {
  const calendar = new WorkCalendar();

  it('runs a term from the day after receipt: six weeks from 1 March end on 12 April', () => {
    expect(plainTermEnd('2027-03-01', 'P6W')).toBe('2027-04-12');
  });

  it('leaves a term that ends on an ordinary working day alone', () => {
    // given receipt on Monday 5 January 2026 and a term of 8 weeks
    // then the term ends on Monday 2 March 2026
    expect(legalTermEnd(calendar, '2026-01-05', 'P8W')).toBe('2026-03-02');
  });

  it('art. 1: a term ending on a Sunday ends on the Monday', () => {
    // given receipt on Tuesday 3 March 2026 and a term of 12 days, ending Sunday 15 March
    expect(plainTermEnd('2026-03-03', 'P12D')).toBe('2026-03-15');
    // then the term ends on Monday 16 March
    expect(legalTermEnd(calendar, '2026-03-03', 'P12D')).toBe('2026-03-16');
  });

  it('art. 1: a term ending on Koningsdag 2026 (Monday 27 April) ends on Tuesday 28 April', () => {
    expect(plainTermEnd('2026-03-02', 'P8W')).toBe('2026-04-27');
    expect(legalTermEnd(calendar, '2026-03-02', 'P8W')).toBe('2026-04-28');
  });

  it('art. 1: a term ending on Koningsdag 2025 (Saturday 26 April, the 27th being a Sunday) ends on Monday 28 April', () => {
    expect(plainTermEnd('2025-03-01', 'P8W')).toBe('2025-04-26');
    expect(legalTermEnd(calendar, '2025-03-01', 'P8W')).toBe('2025-04-28');
  });

  it('art. 1: a term ending on Tweede Paasdag ends on the Tuesday after', () => {
    expect(plainTermEnd('2026-02-23', 'P6W')).toBe('2026-04-06');
    expect(legalTermEnd(calendar, '2026-02-23', 'P6W')).toBe('2026-04-07');
  });

  it('art. 1: a term ending on Goede Vrijdag skips the Easter weekend and Tweede Paasdag', () => {
    expect(plainTermEnd('2025-03-07', 'P6W')).toBe('2025-04-18');
    expect(legalTermEnd(calendar, '2025-03-07', 'P6W')).toBe('2025-04-22');
  });

  it('art. 1: a term ending between Christmas and New Year skips the weekend and Nieuwjaarsdag', () => {
    // given a term ending Saturday 30 December 2023; Sunday the 31st and 1 January 2024 follow
    expect(plainTermEnd('2023-11-18', 'P6W')).toBe('2023-12-30');
    expect(legalTermEnd(calendar, '2023-11-18', 'P6W')).toBe('2024-01-02');
  });

  it('art. 1: a term ending on Eerste Kerstdag skips Tweede Kerstdag too', () => {
    expect(legalTermEnd(calendar, '2023-12-18', 'P1W')).toBe('2023-12-27');
  });

  it('art. 2: a three-day term received on a Friday ends on Tuesday, not Monday', () => {
    // given receipt Friday 9 January 2026: the term's days are Saturday, Sunday and Monday
    expect(plainTermEnd('2026-01-09', 'P3D')).toBe('2026-01-12');
    // then Monday is only one working day, so the term runs until Tuesday 13 January
    expect(legalTermEnd(calendar, '2026-01-09', 'P3D')).toBe('2026-01-13');
  });

  it('art. 2: a three-day term over Christmas 2025 needs two working days', () => {
    // given receipt on Christmas Day (Thursday): Tweede Kerstdag, Saturday, Sunday
    // art. 1 alone gives Monday 29 December, which is the only working day in the term
    expect(legalTermEnd(calendar, '2025-12-25', 'P3D')).toBe('2025-12-30');
  });

  it('art. 2 does not apply to a term shorter than three days', () => {
    expect(legalTermEnd(calendar, '2026-01-09', 'P2D')).toBe('2026-01-12');
  });

  it('treats extra days kept by the beheerder like feestdagen', () => {
    // given Friday 15 May 2026 made equal to a feestdag
    const withBridgeDay = new WorkCalendar([
      { datum: '2026-05-15', omschrijving: 'Vrijdag na Hemelvaartsdag' },
    ]);
    // when a term ends that Friday
    expect(plainTermEnd('2026-05-08', 'P1W')).toBe('2026-05-15');
    // then it ends on Monday 18 May
    expect(legalTermEnd(withBridgeDay, '2026-05-08', 'P1W')).toBe('2026-05-18');
    expect(legalTermEnd(calendar, '2026-05-08', 'P1W')).toBe('2026-05-15');
  });
});
