import { useRef, useState, type FormEvent } from 'react';
import { errorMessage } from '../../../lib/api';
import { Alert } from '../../../components/Alert';
import { SelectField } from '../../../components/SelectField';
import { TextField } from '../../../components/TextField';
import { uploadDocument } from '../api/documenten';
import { formatFileSize, megabytes } from '../utils/fileSize';

interface Props {
  zaakId: string;
  /** Documenttypen of the zaaktype; empty: free text. */
  documenttypen: string[];
  maxUploadMb: number;
  onUploaded: (titel: string) => void;
}

type Errors = Partial<Record<'bestand' | 'titel' | 'type', string>>;

/** Upload a file to the zaak: file, titel and documenttype; the size is checked before sending. */
export function DocumentUploadForm({ zaakId, documenttypen, maxUploadMb, onUploaded }: Props) {
  const fileInput = useRef<HTMLInputElement>(null);
  const [bestand, setBestand] = useState<File | null>(null);
  const [titel, setTitel] = useState('');
  const [type, setType] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  function validate(): Errors {
    const found: Errors = {};
    if (!bestand) found.bestand = 'Kies een bestand.';
    else if (bestand.size > megabytes(maxUploadMb))
      found.bestand = `Het bestand is ${formatFileSize(bestand.size)}; maximaal ${maxUploadMb} MB is toegestaan.`;
    if (!titel.trim()) found.titel = 'Geef het document een titel.';
    if (!type.trim()) found.type = 'Kies een documenttype.';
    return found;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    const found = validate();
    setErrors(found);
    if (Object.keys(found).length > 0 || !bestand) return;
    setBusy(true);
    try {
      await uploadDocument(zaakId, {
        bestand,
        titel: titel.trim(),
        informatieobjecttype: type.trim(),
      });
      onUploaded(titel.trim());
      setBestand(null);
      setTitel('');
      setType('');
      if (fileInput.current) fileInput.current.value = '';
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  const describedBy = ['document-bestand-description', errors.bestand && 'document-bestand-error']
    .filter(Boolean)
    .join(' ');
  return (
    <form
      onSubmit={(event) => void submit(event)}
      noValidate
      className="stack"
      aria-labelledby="document-upload-titel"
    >
      <h3 className="utrecht-heading-3" id="document-upload-titel">
        Document toevoegen
      </h3>
      {failure && (
        <Alert type="error" title="Het document is niet toegevoegd">
          {failure}
        </Alert>
      )}
      <div
        className={`utrecht-form-field${errors.bestand ? ' utrecht-form-field--invalid' : ''} form-field`}
      >
        <label className="utrecht-form-label" htmlFor="document-bestand">
          Bestand
        </label>
        <p id="document-bestand-description" className="utrecht-form-field-description">
          PDF, PNG, JPEG, Word (DOCX), Excel (XLSX), OpenDocument-tekst (ODT) of platte tekst;
          maximaal {maxUploadMb} MB.
        </p>
        {errors.bestand && (
          <p id="document-bestand-error" className="utrecht-form-field-error-message" role="alert">
            Fout: {errors.bestand}
          </p>
        )}
        <input
          ref={fileInput}
          id="document-bestand"
          type="file"
          accept=".pdf,.png,.jpg,.jpeg,.docx,.xlsx,.odt,.txt,application/pdf,image/png,image/jpeg,text/plain"
          onChange={(event) => {
            const chosen = event.target.files?.[0] ?? null;
            setBestand(chosen);
            if (chosen && !titel) setTitel(chosen.name.replace(/\.[^.]+$/, ''));
          }}
          aria-invalid={errors.bestand ? true : undefined}
          aria-describedby={describedBy}
          aria-required
        />
      </div>
      <TextField
        id="document-titel"
        label="Titel"
        value={titel}
        onChange={setTitel}
        error={errors.titel}
        required
      />
      {documenttypen.length > 0 ? (
        <SelectField
          id="document-type"
          label="Documenttype"
          value={type}
          onChange={setType}
          error={errors.type}
          options={[
            { value: '', label: 'Kies een documenttype' },
            ...documenttypen.map((value) => ({ value, label: value })),
          ]}
          required
        />
      ) : (
        <TextField
          id="document-type"
          label="Documenttype"
          value={type}
          onChange={setType}
          error={errors.type}
          required
        />
      )}
      <div>
        <button
          type="submit"
          className="utrecht-button utrecht-button--secondary-action"
          disabled={busy}
        >
          {busy ? 'Bezig met uploaden…' : 'Document toevoegen'}
        </button>
      </div>
    </form>
  );
}
