import { describe, expect, it } from 'vitest';
import { buildHeatmap, percentile } from './heatmap.js';

describe('heatmap', () => {
  it('interpolates percentiles like PostgreSQL percentile_cont', () => {
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(percentile([10], 0.9)).toBe(10);
    expect(percentile([0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 0.9)).toBe(90);
  });

  it('joins the counts per element with the mean and p90 hours of its completed instances', () => {
    const at = (hours: number) => new Date(Date.UTC(2026, 0, 1) + hours * 3_600_000).toISOString();
    const heatmap = buildHeatmap(
      [
        { elementId: 'Beoordelen', active: 3, completed: 2, incidents: 1 },
        { elementId: 'Start', active: 0, completed: 5, incidents: 0 },
      ],
      [
        { elementId: 'Beoordelen', startDate: at(0), endDate: at(2) },
        { elementId: 'Beoordelen', startDate: at(0), endDate: at(6) },
        { elementId: 'Beoordelen', startDate: at(0) }, // still running: no duration
      ],
    );
    expect(heatmap).toEqual([
      {
        elementId: 'Beoordelen',
        actief: 3,
        afgerond: 2,
        incidenten: 1,
        gemiddeldeUren: 4,
        p90Uren: 5.6,
      },
      {
        elementId: 'Start',
        actief: 0,
        afgerond: 5,
        incidenten: 0,
        gemiddeldeUren: null,
        p90Uren: null,
      },
    ]);
  });
});
