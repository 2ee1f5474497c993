import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { createZaaktype } from '../api/catalogus';
import { ApiError, describeError } from '../api/http';
import { newVersionContent } from '../model/versionContent';
import { Field, type FieldErrors } from '../gegevens/fields';

/** Creates a zaaktype with a first concept version and opens its process editor. */
export function NewZaaktypeForm({ onCancel }: { onCancel: () => void }) {
  const navigate = useNavigate();
  const [identificatie, setIdentificatie] = useState('');
  const [omschrijving, setOmschrijving] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setFailure(undefined);
    try {
      const created = await createZaaktype({
        identificatie: identificatie.trim(),
        ...newVersionContent(omschrijving.trim()),
      });
      await navigate(
        `zaaktypen/${encodeURIComponent(created.identificatie)}/versies/${created.versie}/proces`,
      );
    } catch (error) {
      const problems = error instanceof ApiError ? error.fieldProblems() : [];
      setErrors(Object.fromEntries(problems.map((p) => [p.path, p.message])));
      setFailure(`Het zaaktype is niet aangemaakt: ${describeError(error)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="zs-card"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-labelledby="zs-new-heading"
    >
      <h3 id="zs-new-heading">Nieuw zaaktype</h3>
      {failure && (
        <p role="alert" className="zs-alert zs-alert--error">
          {failure}
        </p>
      )}
      <Field
        label="Identificatie"
        path="identificatie"
        errors={errors}
        hint='Kort en uniek, bijv. "kapvergunning"; letters, cijfers, ".", "_" en "-".'
      >
        {(a11y) => (
          <input
            {...a11y}
            value={identificatie}
            required
            onChange={(e) => setIdentificatie(e.target.value)}
          />
        )}
      </Field>
      <Field label="Omschrijving" path="omschrijving" errors={errors}>
        {(a11y) => (
          <input
            {...a11y}
            value={omschrijving}
            required
            onChange={(e) => setOmschrijving(e.target.value)}
          />
        )}
      </Field>
      <div className="zs-actions">
        <button type="submit" className="zs-button--primary" disabled={busy}>
          {busy ? 'Aanmaken…' : 'Concept aanmaken'}
        </button>
        <button type="button" onClick={onCancel}>
          Annuleren
        </button>
      </div>
    </form>
  );
}
