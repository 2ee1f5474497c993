import { useState, type FormEvent } from 'react';
import { errorMessage } from '../../../lib/api';
import { Alert } from '../../../components/Alert';
import { TextAreaField } from '../../../components/TextAreaField';
import { deleteDocument, type ZaakDocument } from '../api/documenten';

/** Delete one document, with the reason the audit trail keeps; asks first. */
export function DocumentVerwijderen({
  document,
  onDeleted,
}: {
  document: ZaakDocument;
  onDeleted: (titel: string) => void;
}) {
  const [open, setOpen] = useState(false);
  const [reden, setReden] = useState('');
  const [fieldError, setFieldError] = useState<string>();
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    if (!reden.trim()) {
      setFieldError('Geef een reden; die wordt bewaard in de historie.');
      return;
    }
    setFieldError(undefined);
    setBusy(true);
    try {
      await deleteDocument(document.id, reden.trim());
      onDeleted(document.titel);
    } catch (error) {
      setFailure(errorMessage(error));
      setBusy(false);
    }
  }

  if (!open) {
    return (
      <button
        type="button"
        className="utrecht-button utrecht-button--subtle"
        onClick={() => setOpen(true)}
      >
        Verwijderen<span className="visually-hidden"> {document.titel}</span>
      </button>
    );
  }
  return (
    <form
      onSubmit={(event) => void submit(event)}
      noValidate
      className="stack"
      aria-label={`${document.titel} verwijderen`}
    >
      {failure && (
        <Alert type="error" title="Het document is niet verwijderd">
          {failure}
        </Alert>
      )}
      <TextAreaField
        id={`reden-${document.id}`}
        label={`Reden voor verwijderen van ${document.titel}`}
        value={reden}
        onChange={setReden}
        error={fieldError}
        rows={2}
        required
      />
      <div className="button-row">
        <button
          type="submit"
          className="utrecht-button utrecht-button--primary-action"
          disabled={busy}
        >
          Definitief verwijderen
        </button>{' '}
        <button
          type="button"
          className="utrecht-button utrecht-button--subtle"
          onClick={() => setOpen(false)}
        >
          Annuleren
        </button>
      </div>
    </form>
  );
}
