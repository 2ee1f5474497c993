import { describe, expect, it } from 'vitest';
import { mondaysFrom } from './series.js';

describe('mondaysFrom', () => {
  it('gives the Monday of each week that overlaps the period, the first one before it if need be', () => {
    // 2026-03-04 is a Wednesday; 2026-03-16 a Monday
    expect(mondaysFrom('2026-03-04', '2026-03-16')).toEqual([
      '2026-03-02',
      '2026-03-09',
      '2026-03-16',
    ]);
    expect(mondaysFrom('2026-03-02', '2026-03-02')).toEqual(['2026-03-02']);
  });
});
