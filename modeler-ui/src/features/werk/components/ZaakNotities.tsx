import { useState, type FormEvent } from 'react';
import { errorMessage } from '../../../lib/api';
import { useResource } from '../../../lib/useResource';
import { formatDateTime } from '../../../lib/format';
import { hasRole, useCurrentUser } from '../../../lib/session';
import { Alert } from '../../../components/Alert';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { TextAreaField } from '../../../components/TextAreaField';
import { addZaakNotitie, getZaakNotities } from '../api/zaken';

export function ZaakNotities({ zaakId }: { zaakId: string }) {
  const user = useCurrentUser();
  const notities = useResource(`notities:${zaakId}`, (signal) => getZaakNotities(zaakId, signal));
  const [tekst, setTekst] = useState('');
  const [fieldError, setFieldError] = useState<string>();
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const canWrite = hasRole(user, 'behandelaar', 'coordinator');

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    setFailure(null);
    if (!tekst.trim()) {
      setFieldError('Schrijf eerst een notitie.');
      return;
    }
    setFieldError(undefined);
    setBusy(true);
    try {
      await addZaakNotitie(zaakId, tekst.trim());
      setTekst('');
      setSaved(true);
      notities.reload();
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
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
          {saved && <Alert type="ok">De notitie is toegevoegd.</Alert>}
          {failure && (
            <Alert type="error" title="De notitie is niet opgeslagen">
              {failure}
            </Alert>
          )}
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
