import { describe, expect, it } from 'vitest';
import { parseIsoDuration } from './duration.js';

describe('parseIsoDuration', () => {
  it('reads weeks, days, hours, minutes, (fractional) seconds and a sign', () => {
    expect(parseIsoDuration('PT1H')).toBe(3_600_000);
    expect(parseIsoDuration('P2D')).toBe(172_800_000);
    expect(parseIsoDuration('P1W')).toBe(604_800_000);
    expect(parseIsoDuration('P1DT2H3M4.5S')).toBe(93_784_500);
    expect(parseIsoDuration('-PT30M')).toBe(-1_800_000);
    expect(parseIsoDuration('PT0S')).toBe(0);
  });

  it('says what is wrong with anything else', () => {
    expect(parseIsoDuration('P1Y')).toContain('years or months');
    expect(parseIsoDuration('P1M')).toContain('years or months');
    expect(parseIsoDuration('PT')).toContain('Expected an ISO 8601 duration');
    expect(parseIsoDuration('P')).toContain('Expected an ISO 8601 duration');
    expect(parseIsoDuration('1h')).toContain("'1h'");
  });
});
