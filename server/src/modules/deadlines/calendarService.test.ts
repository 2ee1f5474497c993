import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../testing/testDatabase.js';
import { CalendarService } from './calendarService.js';

describe('CalendarService (database)', () => {
  let testDb: TestDatabase;
  let service: CalendarService;
  beforeAll(async () => {
    testDb = await createTestDatabase();
    service = new CalendarService(testDb.db);
  });
  afterAll(async () => {
    await testDb.destroy();
  });

  it('adds an extra day that then counts as a feestdag for terms', async () => {
    // given a calendar without extra days, a term ending Friday 15 May 2026 stays there
    expect((await service.deadlineCalculator()).termEnd('2026-05-08', 'P1W')).toBe('2026-05-15');
    // when the beheerder makes that Friday equal to a feestdag
    await service.addExtraDay({ datum: '2026-05-15', omschrijving: 'Vrijdag na Hemelvaartsdag' });
    // then the term ends on Monday 18 May
    expect((await service.deadlineCalculator()).termEnd('2026-05-08', 'P1W')).toBe('2026-05-18');
    expect(await service.listExtraDays({ from: '2026-01-01', to: '2026-12-31' })).toEqual([
      { datum: '2026-05-15', omschrijving: 'Vrijdag na Hemelvaartsdag' },
    ]);
    expect((await service.feestdagenIn(2026)).map((day) => day.datum)).toContain('2026-05-15');
  });

  it('refuses duplicates, national feestdagen and weekend days', async () => {
    await expect(
      service.addExtraDay({ datum: '2026-05-15', omschrijving: 'again' }),
    ).rejects.toThrow('2026-05-15 is already an extra day (Vrijdag na Hemelvaartsdag)');
    await expect(service.addExtraDay({ datum: '2026-04-27', omschrijving: 'x' })).rejects.toThrow(
      '2026-04-27 is already a feestdag (Koningsdag)',
    );
    await expect(service.addExtraDay({ datum: '2026-05-16', omschrijving: 'x' })).rejects.toThrow(
      /Saturday or Sunday/,
    );
  });

  it('removes an extra day, and says so when there is none', async () => {
    await service.addExtraDay({ datum: '2027-05-07', omschrijving: 'Vrijdag na Hemelvaartsdag' });
    await service.removeExtraDay('2027-05-07');
    expect(await service.listExtraDays({ from: '2027-01-01' })).toEqual([]);
    await expect(service.removeExtraDay('2027-05-07')).rejects.toThrow(
      expect.objectContaining({ name: 'NotFoundError' }),
    );
  });

  it('reads through an open transaction, as PGlite needs', async () => {
    await testDb.db.transaction(async (trx) => {
      const calculator = await service.deadlineCalculator(trx);
      expect(calculator.calendar.isWorkingDay('2026-05-15')).toBe(false);
    });
  });
});
