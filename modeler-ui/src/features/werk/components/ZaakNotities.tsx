import { useState, type FormEvent } from 'react';
import { useResource } from '../../../lib/useResource';
import { formatDateTime } from '../../../lib/format';
import { hasRole, useCurrentUser } from '../../../lib/session';
import { useSubmission } from '../../../lib/useSubmission';
import { SubmissionOutcome } from '../../../components/SubmissionOutcome';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { TextAreaField } from '../../../components/TextAreaField';
import { addZaakNotitie, getZaakNotities } from '../api/zaken';

export function ZaakNotities({ zaakId }: { zaakId: string }) {
  const user = useCurrentUser();
  const notities = useResource(`notities:${zaakId}`, (signal) => getZaakNotities(zaakId, signal));
  const [tekst, setTekst] = useState('');
  const [fieldError, setFieldError] = useState<string>();
  const { busy, failure, done, submit: send, reset } = useSubmission();
  const canWrite = hasRole(user, 'behandelaar', 'coordinator');

  async function submit(event: FormEvent) {
    event.preventDefault();
    reset();
    if (!tekst.trim()) {
      setFieldError('Schrijf eerst een notitie.');
      return;
    }
    setFieldError(undefined);
    if (!(await send(() => addZaakNotitie(zaakId, tekst.trim()), 'De notitie is toegevoegd.')))
      return;
    setTekst('');
    notities.reload();
  }

  return (
    <section className="card" aria-labelledby="notities-titel">
      <h2 className="utrecht-heading-2" id="notities-titel">
        Notities
      </h2>
      <ErrorAlert error={notities.error} title="De notities konden niet worden geladen" />
      {notities.data?.notities.length === 0 && <p>Nog geen notities.</p>}
      <ul className="notities">
        {notities.data?.notities.map((notitie) => (
          <li key={notitie.id} className="notitie">
            <p className="notitie__meta">
              {notitie.auteur} · {formatDateTime(notitie.createdAt)}
            </p>
            <p className="notitie__tekst">{notitie.tekst}</p>
          </li>
        ))}
      </ul>
      {canWrite && (
        <form onSubmit={(event) => void submit(event)} noValidate className="stack">
          <SubmissionOutcome
            done={done}
            failure={failure}
            failureTitle="De notitie is niet opgeslagen"
          />
          <TextAreaField
            id="notitie-tekst"
            label="Nieuwe notitie"
            value={tekst}
            onChange={setTekst}
            error={fieldError}
            required
          />
          <div>
            <button
              type="submit"
              className="utrecht-button utrecht-button--secondary-action"
              disabled={busy}
            >
              Notitie toevoegen
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
