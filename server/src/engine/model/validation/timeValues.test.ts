import { describe, expect, it } from 'vitest';
import { isCycle, isDateTime, isDuration } from './timeValues.js';

describe('static time values', () => {
  it('accepts ISO 8601 durations and rejects other text', () => {
    for (const value of ['PT15M', 'P1D', 'P2W', 'P1Y2M3DT4H5M6.5S', 'PT0S'])
      expect(isDuration(value), value).toBe(true);
    for (const value of ['P', 'PT', '15 minutes', 'P1H', '1D'])
      expect(isDuration(value), value).toBe(false);
  });

  it('accepts date-times with an offset or zone, as Zeebe does', () => {
    for (const value of [
      '2026-03-01T10:00:00Z',
      '2026-03-01T10:00+01:00',
      '2026-03-01T10:00:00.123+01:00[Europe/Amsterdam]',
    ]) {
      expect(isDateTime(value), value).toBe(true);
    }
    for (const value of ['2026-03-01', '2026-03-01T10:00:00', '2026-13-45T10:00:00Z', 'tomorrow'])
      expect(isDateTime(value), value).toBe(false);
  });

  it('accepts repeating intervals and six-field cron expressions as cycles', () => {
    for (const value of [
      'R/P1D',
      'R3/PT10M',
      'R/2026-01-01T08:00:00Z/P1D',
      '0 0 9 * * MON-FRI',
      '@daily',
    ])
      expect(isCycle(value), value).toBe(true);
    for (const value of ['R3', 'Rx/PT1M', 'R/P1D/P1D', '0 9 * * *', 'every day'])
      expect(isCycle(value), value).toBe(false);
  });
});
