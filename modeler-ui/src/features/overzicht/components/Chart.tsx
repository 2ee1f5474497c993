import { CsvExportButton } from '../../../components/CsvExportButton';
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
} from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([
  BarChart,
  LineChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  SVGRenderer,
]);

interface ChartProps {
  /** What the chart shows, in words: screen readers read this instead of the picture. */
  summary: string;
  option: Record<string, unknown>;
  /** The same figures as a table, for who cannot or will not read a chart. */
  table: { caption: string; header: string[]; rows: Array<Array<string | number>> };
}

/** An ECharts chart (SVG) with a text summary and its data as a table behind a disclosure. */
export function Chart({ summary, option, table }: ChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | undefined>(undefined);
  useEffect(() => {
    if (!container.current) return;
    const instance = echarts.init(container.current, undefined, { renderer: 'svg' });
    chart.current = instance;
    const resize = () => instance.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.current = undefined;
      instance.dispose();
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);
  return (
    <div className="zs-chart">
      <div ref={container} className="zs-chart__canvas" role="figure" aria-label={summary} />
      <details className="zs-chart__data">
        <summary>Toon de cijfers als tabel</summary>
        <CsvExportButton
          filename={`${table.caption.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.csv`}
          label={`${table.caption} exporteren (CSV)`}
          header={table.header}
          rows={table.rows}
        />
        <table className="utrecht-table utrecht-table--html-table">
          <caption className="utrecht-table__caption">{table.caption}</caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              {table.header.map((cell) => (
                <th key={cell} scope="col" className="utrecht-table__header-cell">
                  {cell}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {table.rows.map((row, index) => (
              <tr key={index} className="utrecht-table__row">
                {row.map((cell, column) => (
                  <td key={column} className="utrecht-table__cell">
                    {cell}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}
