/** Per element of a process: where the zaken are now, and how long a step takes there. */
export interface HeatmapElement {
  elementId: string;
  actief: number;
  afgerond: number;
  incidenten: number;
  /** Over the most recent completed instances of the element (see `steekproef`). */
  gemiddeldeUren: number | null;
  p90Uren: number | null;
}

export interface ElementStatistic {
  elementId: string;
  active: number;
  completed: number;
  incidents: number;
}

export interface CompletedElement {
  elementId: string;
  startDate: string;
  endDate?: string;
}

const HOUR = 3_600_000;

/** The value below which `share` of the sorted values fall (linear interpolation, as percentile_cont). */
export function percentile(sorted: readonly number[], share: number): number {
  if (sorted.length === 0) return NaN;
  const position = (sorted.length - 1) * share;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  const [lower, upper] = [sorted[low] ?? NaN, sorted[high] ?? NaN];
  return lower + (upper - lower) * (position - low);
}

const rounded = (hours: number) => Math.round(hours * 10) / 10;

/** Joins the engine's counts with the durations of completed element instances. */
export function buildHeatmap(
  statistics: readonly ElementStatistic[],
  completed: readonly CompletedElement[],
): HeatmapElement[] {
  const durations = new Map<string, number[]>();
  for (const element of completed) {
    if (!element.endDate) continue;
    const hours = (Date.parse(element.endDate) - Date.parse(element.startDate)) / HOUR;
    durations.set(element.elementId, [...(durations.get(element.elementId) ?? []), hours]);
  }
  return statistics.map((statistic) => {
    const hours = (durations.get(statistic.elementId) ?? []).sort((a, b) => a - b);
    const mean =
      hours.length === 0 ? null : hours.reduce((sum, value) => sum + value, 0) / hours.length;
    return {
      elementId: statistic.elementId,
      actief: statistic.active,
      afgerond: statistic.completed,
      incidenten: statistic.incidents,
      gemiddeldeUren: mean === null ? null : rounded(mean),
      p90Uren: hours.length === 0 ? null : rounded(percentile(hours, 0.9)),
    };
  });
}
