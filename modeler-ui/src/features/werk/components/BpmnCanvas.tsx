import { useEffect, useRef, useState } from 'react';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import { errorMessage } from '../../../lib/api';
import { Alert } from '../../../components/Alert';
import type { ProcessView } from '../api/process';

interface Canvas {
  addMarker(elementId: string, marker: string): void;
  zoom(mode: 'fit-viewport'): void;
}

interface ElementRegistry {
  get(id: string): { businessObject?: { name?: string } } | undefined;
}

function namesOf(registry: ElementRegistry, ids: string[]): string[] {
  return [...new Set(ids)].map((id) => registry.get(id)?.businessObject?.name ?? id);
}

/** The process diagram with active steps (marker `is-active`) and completed ones (`is-completed`). */
export default function BpmnCanvas({ view }: { view: ProcessView }) {
  const container = useRef<HTMLDivElement>(null);
  const [activeNames, setActiveNames] = useState<string[]>([]);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (!container.current) return;
    const viewer = new NavigatedViewer({ container: container.current });
    let cancelled = false;
    viewer
      .importXML(view.xml)
      .then(() => {
        if (cancelled) return;
        const canvas = viewer.get<Canvas>('canvas');
        const registry = viewer.get<ElementRegistry>('elementRegistry');
        canvas.zoom('fit-viewport');
        const has = (id: string) => registry.get(id) !== undefined;
        view.completed.filter(has).forEach((id) => canvas.addMarker(id, 'is-completed'));
        view.active.filter(has).forEach((id) => canvas.addMarker(id, 'is-active'));
        view.incidents.filter(has).forEach((id) => canvas.addMarker(id, 'has-incident'));
        setActiveNames(namesOf(registry, view.active.filter(has)));
      })
      .catch((error: unknown) => {
        if (!cancelled) setFailure(errorMessage(error));
      });
    return () => {
      cancelled = true;
      viewer.destroy();
    };
  }, [view]);

  return (
    <div className="bpmn">
      {failure && (
        <Alert type="error" title="Het diagram kon niet worden getoond">
          {failure}
        </Alert>
      )}
      <p className="bpmn__summary">
        {activeNames.length > 0 ? `Huidige stap: ${activeNames.join(', ')}.` : 'Geen actieve stap.'}
      </p>
      <ul className="bpmn__legend" aria-label="Legenda">
        <li>
          <span className="legend-swatch legend-swatch--active" aria-hidden="true" /> Actieve stap
          (dikke rand)
        </li>
        <li>
          <span className="legend-swatch legend-swatch--completed" aria-hidden="true" /> Afgeronde
          stap (gestippelde rand)
        </li>
      </ul>
      <div
        ref={container}
        className="bpmn__canvas"
        role="figure"
        aria-label={`Procesdiagram. ${activeNames.length > 0 ? `Huidige stap: ${activeNames.join(', ')}` : ''}`}
      />
    </div>
  );
}
