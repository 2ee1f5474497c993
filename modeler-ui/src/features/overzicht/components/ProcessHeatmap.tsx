import { useEffect, useRef, useState } from 'react';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import { errorMessage } from '../../../lib/api';
import { Alert } from '../../../components/Alert';
import type { Heatmap, HeatmapElement } from '../api/overzicht';

interface Overlays {
  add(elementId: string, type: string, overlay: { position: object; html: HTMLElement }): void;
}
interface Canvas {
  zoom(mode: 'fit-viewport'): void;
  addMarker(elementId: string, marker: string): void;
}
interface Registry {
  get(id: string): { businessObject?: { name?: string } } | undefined;
}

const hours = (value: number | null) =>
  value === null ? '–' : `${value.toLocaleString('nl-NL')} u`;

/** The heat class of an element: by its share of the active instances. */
export function heatOf(
  element: HeatmapElement,
  maxActive: number,
): 'none' | 'low' | 'mid' | 'high' {
  if (element.actief === 0 || maxActive === 0) return 'none';
  const share = element.actief / maxActive;
  return share > 0.66 ? 'high' : share > 0.33 ? 'mid' : 'low';
}

/** The zaaktype's process with, on each step, how many zaken are there now and how long a step takes. */
export function ProcessHeatmap({ heatmap }: { heatmap: Heatmap }) {
  const container = useRef<HTMLDivElement>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [names, setNames] = useState<Record<string, string>>({});

  useEffect(() => {
    if (!container.current) return;
    const viewer = new NavigatedViewer({ container: container.current });
    let cancelled = false;
    const maxActive = Math.max(0, ...heatmap.elementen.map((e) => e.actief));
    viewer
      .importXML(heatmap.bpmnXml)
      .then(() => {
        if (cancelled) return;
        const canvas = viewer.get<Canvas>('canvas');
        const overlays = viewer.get<Overlays>('overlays');
        const registry = viewer.get<Registry>('elementRegistry');
        canvas.zoom('fit-viewport');
        const found: Record<string, string> = {};
        for (const element of heatmap.elementen) {
          const shape = registry.get(element.elementId);
          if (!shape) continue;
          found[element.elementId] = shape.businessObject?.name ?? element.elementId;
          const heat = heatOf(element, maxActive);
          if (heat !== 'none') canvas.addMarker(element.elementId, `zs-heat--${heat}`);
          if (element.actief === 0 && element.incidenten === 0) continue;
          const badge = document.createElement('div');
          badge.className = `zs-heat-badge${element.incidenten > 0 ? ' zs-heat-badge--incident' : ''}`;
          badge.dataset.elementId = element.elementId;
          badge.textContent =
            element.incidenten > 0
              ? `${element.actief} (${element.incidenten}!)`
              : String(element.actief);
          overlays.add(element.elementId, 'zs-heat', {
            position: { bottom: 4, right: 4 },
            html: badge,
          });
        }
        setNames(found);
      })
      .catch((error: unknown) => {
        if (!cancelled) setFailure(errorMessage(error));
      });
    return () => {
      cancelled = true;
      viewer.destroy();
    };
  }, [heatmap]);

  const rows = heatmap.elementen.filter(
    (e) => e.actief + e.afgerond + e.incidenten > 0 && names[e.elementId] !== undefined,
  );
  return (
    <div className="zs-heatmap">
      {failure && (
        <Alert type="error" title="Het diagram kon niet worden getoond">
          {failure}
        </Alert>
      )}
      <div
        ref={container}
        className="bpmn__canvas"
        role="figure"
        aria-label="Procesdiagram met per stap het aantal zaken dat daar nu staat; de tabel eronder geeft dezelfde cijfers."
      />
      <table className="utrecht-table utrecht-table--html-table zs-overzicht-table">
        <caption className="utrecht-table__caption">
          Per stap: zaken die er nu staan, afgerond, incidenten, en de tijd in de stap (gemiddeld en
          p90, over de laatste {heatmap.steekproef} afgeronde stappen)
        </caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            {['Stap', 'Nu actief', 'Afgerond', 'Incidenten', 'Gemiddeld', 'p90'].map((h) => (
              <th key={h} scope="col" className="utrecht-table__header-cell">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {rows.map((e) => (
            <tr key={e.elementId} className="utrecht-table__row" data-element-id={e.elementId}>
              <th scope="row" className="utrecht-table__header-cell">
                {names[e.elementId]}
              </th>
              <td className="utrecht-table__cell">{e.actief}</td>
              <td className="utrecht-table__cell">{e.afgerond}</td>
              <td className="utrecht-table__cell">{e.incidenten}</td>
              <td className="utrecht-table__cell">{hours(e.gemiddeldeUren)}</td>
              <td className="utrecht-table__cell">{hours(e.p90Uren)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
