import { useEffect, useRef, useState } from 'react';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import { signatureOf, type BusinessObject, type ElementSignature } from './modelDiff';

interface Registry {
  getAll(): Array<{
    id: string;
    type: string;
    businessObject?: BusinessObject;
    labelTarget?: unknown;
  }>;
}
interface Canvas {
  zoom(level: string): void;
  addMarker(id: string, marker: string): void;
}

interface DiffCanvasProps {
  title: string;
  xml: string | undefined;
  /** Marker class per element id, e.g. `diff-added`. */
  markers: Record<string, string>;
  /** The elements of this model once read, for the comparison. */
  onElements: (elements: ElementSignature[]) => void;
}

/** One side of the comparison: a read-only diagram with the differences marked. */
export function DiffCanvas({ title, xml, markers, onElements }: DiffCanvasProps) {
  const container = useRef<HTMLDivElement>(null);
  const viewer = useRef<NavigatedViewer | undefined>(undefined);
  const [failure, setFailure] = useState<string>();
  const report = useRef(onElements);
  report.current = onElements;

  useEffect(() => {
    if (!container.current || xml === undefined) return;
    const current = new NavigatedViewer({ container: container.current });
    viewer.current = current;
    current
      .importXML(xml)
      .then(() => {
        current.get<Canvas>('canvas').zoom('fit-viewport');
        const elements = current
          .get<Registry>('elementRegistry')
          .getAll()
          .filter(
            (element) =>
              element.businessObject &&
              !element.labelTarget &&
              element.type !== 'bpmn:Process' &&
              element.type !== 'bpmn:Collaboration',
          )
          .map((element) => signatureOf(element.businessObject!));
        report.current(elements);
      })
      .catch((error: unknown) =>
        setFailure(error instanceof Error ? error.message : String(error)),
      );
    return () => {
      viewer.current = undefined;
      current.destroy();
    };
  }, [xml]);

  useEffect(() => {
    const canvas = viewer.current?.get<Canvas>('canvas');
    if (!canvas) return;
    for (const [id, marker] of Object.entries(markers)) {
      try {
        canvas.addMarker(id, marker);
      } catch {
        // an id only the other model has
      }
    }
  }, [markers]);

  return (
    <figure className="zs-diff__side">
      <figcaption>{title}</figcaption>
      {xml === undefined && <p>Deze versie heeft geen procesmodel.</p>}
      {failure && (
        <p role="alert" className="zs-alert zs-alert--error">
          Het model kon niet worden getoond: {failure}
        </p>
      )}
      <div ref={container} className="zs-diff__canvas" />
    </figure>
  );
}
