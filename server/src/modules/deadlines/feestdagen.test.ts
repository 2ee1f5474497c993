import { describe, expect, it } from 'vitest';
import { easterSunday } from './easter.js';
import { nationaleFeestdagen } from './feestdagen.js';

describe('Easter (computus)', () => {
  it.each([
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2030, '2030-04-21'],
    [2038, '2038-04-25'], // the latest possible date
    [2285, '2285-03-22'], // the earliest possible date
  ])('Easter %i is on %s', (year, expected) => {
    expect(easterSunday(year)).toBe(expected);
  });
});

describe('national feestdagen', () => {
  it('lists the feestdagen of 2026 with Koningsdag on Monday 27 April', () => {
    expect(nationaleFeestdagen(2026)).toEqual([
      { datum: '2026-01-01', omschrijving: 'Nieuwjaarsdag' },
      { datum: '2026-04-03', omschrijving: 'Goede Vrijdag' },
      { datum: '2026-04-06', omschrijving: 'Tweede Paasdag' },
      { datum: '2026-04-27', omschrijving: 'Koningsdag' },
      { datum: '2026-05-05', omschrijving: 'Bevrijdingsdag' },
      { datum: '2026-05-14', omschrijving: 'Hemelvaartsdag' },
      { datum: '2026-05-25', omschrijving: 'Tweede Pinksterdag' },
      { datum: '2026-12-25', omschrijving: 'Eerste Kerstdag' },
      { datum: '2026-12-26', omschrijving: 'Tweede Kerstdag' },
    ]);
  });

  it('moves Koningsdag to Saturday 26 April in 2025, because the 27th is a Sunday', () => {
    const days = nationaleFeestdagen(2025).map((day) => day.datum);
    expect(days).toContain('2025-04-26');
    expect(days).not.toContain('2025-04-27');
  });

  it('keeps 5 May every year, also in years that are not lustrum years', () => {
    expect(nationaleFeestdagen(2027).map((day) => day.datum)).toContain('2027-05-05');
  });

  it('computes the movable feasts of 2025 from Easter on 20 April', () => {
    const byName = new Map(nationaleFeestdagen(2025).map((day) => [day.omschrijving, day.datum]));
    expect(byName.get('Goede Vrijdag')).toBe('2025-04-18');
    expect(byName.get('Tweede Paasdag')).toBe('2025-04-21');
    expect(byName.get('Hemelvaartsdag')).toBe('2025-05-29');
    expect(byName.get('Tweede Pinksterdag')).toBe('2025-06-09');
  });

  it('uses Koninginnedag on 30 April before 2014', () => {
    expect(nationaleFeestdagen(2013)).toContainEqual({
      datum: '2013-04-30',
      omschrijving: 'Koninginnedag',
    });
  });
});
