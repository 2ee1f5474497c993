import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { ApiError, errorMessage } from '../../../lib/api';
import { Alert } from '../../../components/Alert';
import { Loading } from '../../../components/Loading';
import { completeTaak, saveTaakDraft } from '../api/taken';
import type { Taak } from '../api/types';
import { fieldLabels, formProblemLines, type FormSchema } from '../utils/taakForm';
import type { FormHandle } from './FormJsViewer';

const FormJsViewer = lazy(() => import('./FormJsViewer'));

type Outcome =
  | { kind: 'draft-saved' }
  | { kind: 'completed' }
  | { kind: 'invalid'; fields: string[] }
  | { kind: 'refused'; problems: string[] }
  | { kind: 'failed'; action: 'draft' | 'complete'; message: string };

interface TaakFormPanelProps {
  taak: Taak;
  schema: FormSchema | null;
  onCompleted: () => void;
}

/** The task form with "Tussentijds opslaan" and "Opslaan en afronden", and their outcome in words. */
export function TaakFormPanel({ taak, schema, onCompleted }: TaakFormPanelProps) {
  const handle = useRef<FormHandle | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);
  const finished = taak.state === 'completed' || taak.state === 'cancelled';
  const initialData = { ...taak.variables, ...(taak.draft ?? {}) };

  useEffect(() => {
    if (outcome) outcomeRef.current?.focus();
  }, [outcome]);

  async function saveDraft() {
    setBusy(true);
    try {
      await saveTaakDraft(taak.id, handle.current?.currentData() ?? {});
      setOutcome({ kind: 'draft-saved' });
    } catch (error) {
      setOutcome({ kind: 'failed', action: 'draft', message: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  }

  async function complete() {
    const result = handle.current?.submit() ?? { data: {}, errors: {} };
    const invalid = Object.keys(result.errors);
    if (schema && invalid.length > 0) {
      const labels = fieldLabels(schema);
      setOutcome({ kind: 'invalid', fields: invalid.map((key) => labels[key] ?? key) });
      return;
    }
    setBusy(true);
    try {
      await completeTaak(taak.id, result.data);
      setOutcome({ kind: 'completed' });
      onCompleted();
    } catch (error) {
      // 400 with problems by field: the server checked the data against the task's form.
      const problems =
        error instanceof ApiError && error.status === 400
          ? formProblemLines(error.details.problems, schema)
          : [];
      setOutcome(
        problems.length > 0
          ? { kind: 'refused', problems }
          : { kind: 'failed', action: 'complete', message: errorMessage(error) },
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="formulier-titel">
      <h2 className="utrecht-heading-2" id="formulier-titel">
        Formulier
      </h2>
      <div ref={outcomeRef} tabIndex={-1} className="outcome">
        <OutcomeMessage outcome={outcome} />
      </div>
      {finished && outcome?.kind !== 'completed' && (
        <Alert type="info">
          Deze taak is {taak.state === 'completed' ? 'afgerond' : 'vervallen'}; het formulier kan
          niet meer worden gewijzigd.
        </Alert>
      )}
      {loadError && (
        <Alert type="error" title="Het formulier kon niet worden getoond">
          {loadError}
        </Alert>
      )}
      {schema ? (
        <Suspense fallback={<Loading label="Formulier laden…" />}>
          <FormJsViewer
            schema={schema}
            data={initialData}
            readOnly={finished}
            onReady={(next) => (handle.current = next)}
            onError={setLoadError}
          />
        </Suspense>
      ) : (
        <p className="utrecht-paragraph">
          Deze taak heeft geen formulier. Rond de taak af als het werk gedaan is.
        </p>
      )}
      {!finished && (
        <div className="button-row">
          {schema && (
            <button
              type="button"
              className="utrecht-button utrecht-button--secondary-action"
              disabled={busy}
              onClick={() => void saveDraft()}
            >
              Tussentijds opslaan
            </button>
          )}
          <button
            type="button"
            className="utrecht-button utrecht-button--primary-action"
            disabled={busy}
            onClick={() => void complete()}
          >
            {busy ? 'Bezig…' : 'Opslaan en afronden'}
          </button>
        </div>
      )}
    </section>
  );
}

function OutcomeMessage({ outcome }: { outcome: Outcome | null }) {
  if (!outcome) return null;
  switch (outcome.kind) {
    case 'draft-saved':
      return (
        <Alert type="ok">Uw invoer is tussentijds opgeslagen. De taak is nog niet afgerond.</Alert>
      );
    case 'completed':
      return (
        <Alert type="ok" title="De taak is afgerond">
          Het proces gaat verder.{' '}
          <Link className="utrecht-link" to="/werk">
            Terug naar de werkvoorraad
          </Link>
        </Alert>
      );
    case 'invalid':
      return (
        <Alert type="error" title="De taak is niet afgerond">
          Verbeter deze velden (de melding staat bij het veld):
          <ul>
            {outcome.fields.map((field) => (
              <li key={field}>{field}</li>
            ))}
          </ul>
        </Alert>
      );
    case 'refused':
      return (
        <Alert type="error" title="De taak is NIET afgerond">
          De ingevulde gegevens zijn afgekeurd. Verbeter deze velden en rond opnieuw af:
          <ul>
            {outcome.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </Alert>
      );
    case 'failed':
      return (
        <Alert
          type="error"
          title={
            outcome.action === 'complete'
              ? 'De taak is NIET afgerond'
              : 'Tussentijds opslaan is mislukt'
          }
        >
          {outcome.message}
        </Alert>
      );
  }
}
