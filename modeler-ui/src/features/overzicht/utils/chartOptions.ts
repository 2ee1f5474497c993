import type { Reeksen } from '../api/overzicht';

/** Week label as people read it: "week van 2 mrt". */
export function weekLabel(monday: string): string {
  const date = new Date(`${monday}T12:00:00Z`);
  return date.toLocaleDateString('nl-NL', { day: 'numeric', month: 'short', timeZone: 'UTC' });
}

export function binLabel(vanafWeken: number, lastBin = 12): string {
  return vanafWeken >= lastBin ? `${lastBin}+ wk` : `${vanafWeken}–${vanafWeken + 1} wk`;
}

const axisText = { color: '#333' };

/** Intake vs completion per week: two bar series. */
export function intakeOption(reeksen: Reeksen) {
  return {
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { data: ['Gestart', 'Afgesloten'], textStyle: axisText },
    xAxis: {
      type: 'category',
      data: reeksen.instroomUitstroom.map((w) => weekLabel(w.week)),
      axisLabel: axisText,
    },
    yAxis: { type: 'value', minInterval: 1, axisLabel: axisText },
    series: [
      {
        name: 'Gestart',
        type: 'bar',
        data: reeksen.instroomUitstroom.map((w) => w.gestart),
        itemStyle: { color: '#1f5fa8' },
      },
      {
        name: 'Afgesloten',
        type: 'line',
        data: reeksen.instroomUitstroom.map((w) => w.afgesloten),
        itemStyle: { color: '#c45a00' },
        lineStyle: { width: 3 },
      },
    ],
  };
}

/** Doorlooptijd histogram in weeks, with the (average) legal term marked. */
export function doorlooptijdOption(reeksen: Reeksen, normDagen: number | null) {
  const labels = reeksen.doorlooptijdVerdeling.map((bin) => binLabel(bin.vanafWeken));
  const normBin =
    normDagen === null ? undefined : binLabel(Math.min(Math.floor(normDagen / 7), 12));
  return {
    animation: false,
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: labels, name: 'Doorlooptijd', axisLabel: axisText },
    yAxis: { type: 'value', minInterval: 1, name: 'Zaken', axisLabel: axisText },
    series: [
      {
        name: 'Zaken',
        type: 'bar',
        data: reeksen.doorlooptijdVerdeling.map((bin) => bin.aantal),
        itemStyle: { color: '#1f5fa8' },
        markLine:
          normBin && labels.includes(normBin)
            ? {
                symbol: 'none',
                label: { formatter: 'Wettelijke termijn' },
                lineStyle: { color: '#b00020', type: 'dashed', width: 2 },
                data: [{ xAxis: normBin }],
              }
            : undefined,
      },
    ],
  };
}

/** Horizontal bars: open tasks per team or per behandelaar. */
export function horizontalBarOption(rows: { label: string; aantal: number }[]) {
  const ordered = [...rows].reverse();
  return {
    animation: false,
    tooltip: { trigger: 'axis' },
    grid: { left: 160 },
    xAxis: { type: 'value', minInterval: 1, axisLabel: axisText },
    yAxis: { type: 'category', data: ordered.map((row) => row.label), axisLabel: axisText },
    series: [
      { type: 'bar', data: ordered.map((row) => row.aantal), itemStyle: { color: '#1f5fa8' } },
    ],
  };
}
