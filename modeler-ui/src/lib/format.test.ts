import { describe, expect, it } from 'vitest';
import { formatAge } from './format';

describe('formatAge', () => {
  const now = Date.parse('2026-11-27T12:00:00Z');
  it('counts whole hours under a day, then whole days', () => {
    expect(formatAge('2026-11-27T06:30:00Z', now)).toBe('5 uur');
    expect(formatAge('2026-11-26T12:00:01Z', now)).toBe('23 uur');
    expect(formatAge('2026-11-24T11:00:00Z', now)).toBe('3 dagen');
  });
});
