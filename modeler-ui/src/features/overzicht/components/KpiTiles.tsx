import type { Kpis } from '../api/overzicht';

const number = (value: number | null, unit = '') =>
  value === null ? '–' : `${value.toLocaleString('nl-NL')}${unit}`;

/** The headline figures; late and at-risk counts say so in words, not colour alone. */
export function KpiTiles({ kpis, risicoDagen }: { kpis: Kpis; risicoDagen: number }) {
  const tiles: Array<{ label: string; value: string; note?: string; tone?: 'alarm' | 'warn' }> = [
    { label: 'Open zaken', value: number(kpis.openZaken) },
    { label: 'Gestart in periode', value: number(kpis.gestart) },
    { label: 'Afgesloten in periode', value: number(kpis.afgesloten) },
    {
      label: 'Binnen servicenorm',
      value: number(kpis.binnenServicenormPct, '%'),
      note: 'van de afgesloten zaken',
    },
    {
      label: 'Binnen wettelijke termijn',
      value: number(kpis.binnenWettelijkeTermijnPct, '%'),
      note: 'van de afgesloten zaken',
    },
    {
      label: 'Te laat',
      value: number(kpis.teLaat),
      note: 'open, fatale datum verstreken',
      tone: kpis.teLaat > 0 ? 'alarm' : undefined,
    },
    {
      label: 'In gevaar',
      value: number(kpis.inGevaar),
      note: `fatale datum binnen ${risicoDagen} werkdagen`,
      tone: kpis.inGevaar > 0 ? 'warn' : undefined,
    },
    {
      label: 'Doorlooptijd',
      value: `${number(kpis.doorlooptijd.gemiddeldDagen)} d`,
      note: `gemiddeld; p90 ${number(kpis.doorlooptijd.p90Dagen)} d; termijn ${number(kpis.doorlooptijd.normDagen)} d`,
    },
    { label: 'Opschortingen', value: number(kpis.opschortingen), note: 'in periode' },
    { label: 'Verlengingen', value: number(kpis.verlengingen), note: 'in periode' },
    {
      label: 'Open incidenten',
      value: number(kpis.openIncidenten),
      tone: kpis.openIncidenten > 0 ? 'alarm' : undefined,
    },
  ];
  return (
    <dl className="zs-kpis" aria-label="Kerncijfers">
      {tiles.map((tile) => (
        <div key={tile.label} className={`zs-kpi${tile.tone ? ` zs-kpi--${tile.tone}` : ''}`}>
          <dt className="zs-kpi__label">{tile.label}</dt>
          <dd className="zs-kpi__value">{tile.value}</dd>
          {tile.note && <dd className="zs-kpi__note">{tile.note}</dd>}
        </div>
      ))}
    </dl>
  );
}
