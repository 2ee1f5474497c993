import { describe, expect, it } from 'vitest';
import { binLabel, doorlooptijdOption, horizontalBarOption } from './chartOptions';

const reeksen = {
  instroomUitstroom: [],
  doorlooptijdVerdeling: [
    { vanafWeken: 0, aantal: 2 },
    { vanafWeken: 6, aantal: 5 },
    { vanafWeken: 12, aantal: 1 },
  ],
  werkPerTeam: [],
  werkPerBehandelaar: [],
  perStatus: [],
};

describe('chart options', () => {
  it('labels the weekly bins and gathers the long tail in the last one', () => {
    expect(binLabel(0)).toBe('0–1 wk');
    expect(binLabel(12)).toBe('12+ wk');
  });

  it('marks the legal term on the doorlooptijd chart in its bin', () => {
    const option = doorlooptijdOption(reeksen, 45);
    expect(option.series[0]!.markLine?.data).toEqual([{ xAxis: '6–7 wk' }]);
    expect(doorlooptijdOption(reeksen, null).series[0]!.markLine).toBeUndefined();
  });

  it('puts the largest bar on top', () => {
    const option = horizontalBarOption([
      { label: 'team-a', aantal: 9 },
      { label: 'team-b', aantal: 3 },
    ]);
    expect(option.yAxis.data).toEqual(['team-b', 'team-a']);
  });
});
