import { lazy, Suspense } from 'react';
import { useResource } from '../../../lib/useResource';
import { ApiError } from '../../../lib/api';
import { Alert } from '../../../components/Alert';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Loading } from '../../../components/Loading';
import { getProcessView } from '../api/process';

// bpmn-js is large; load it only when a diagram is shown.
const BpmnCanvas = lazy(() => import('./BpmnCanvas'));

interface ProcessDiagramProps {
  processInstanceKey: string | null;
  /** Changes after a zaak action, so the highlighted steps are fetched again. */
  revision?: number;
  title?: string;
}

export function ProcessDiagram({
  processInstanceKey,
  revision = 0,
  title = 'Proces',
}: ProcessDiagramProps) {
  const view = useResource(`process:${processInstanceKey}:${revision}`, (signal) =>
    processInstanceKey ? getProcessView(processInstanceKey, signal) : Promise.resolve(null),
  );
  return (
    <section className="card" aria-labelledby="proces-titel">
      <h2 className="utrecht-heading-2" id="proces-titel">
        {title}
      </h2>
      {!processInstanceKey && <p>Er loopt (nog) geen proces voor deze zaak.</p>}
      {view.loading && !view.data && processInstanceKey && <Loading label="Procesdiagram laden…" />}
      {view.error instanceof ApiError && view.error.status === 403 ? (
        <Alert type="info">Het procesdiagram is voor uw rol niet beschikbaar.</Alert>
      ) : (
        <ErrorAlert error={view.error} title="Het procesdiagram kon niet worden geladen" />
      )}
      {view.data && (
        <Suspense fallback={<Loading label="Diagramweergave laden…" />}>
          <BpmnCanvas view={view.data} />
        </Suspense>
      )}
    </section>
  );
}
