import { useEffect, useRef, useState, type FormEvent } from 'react';
import { errorMessage } from '../../../lib/api';
import { formatDate, formatDuration } from '../../../lib/format';
import { Alert } from '../../../components/Alert';
import { SelectField } from '../../../components/SelectField';
import { TextAreaField } from '../../../components/TextAreaField';
import { TextField } from '../../../components/TextField';
import { runZaakAction } from '../api/zaken';
import type { ZaakDetail, ZaaktypeVersie } from '../api/types';
import { bodyFor, type ZaakActionSpec } from '../utils/zaakActions';

interface ZaakActionFormProps {
  zaak: ZaakDetail;
  zaaktype: ZaaktypeVersie | undefined;
  spec: ZaakActionSpec;
  onCancel: () => void;
  onDone: (message: string) => void;
}

type Errors = Partial<Record<'reden' | 'duur' | 'resultaattype', string>>;

export function ZaakActionForm({ zaak, zaaktype, spec, onCancel, onDone }: ZaakActionFormProps) {
  const [reden, setReden] = useState('');
  const [duurDagen, setDuurDagen] = useState('');
  const [resultaattype, setResultaattype] = useState(zaak.resultaat?.resultaattype ?? '');
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  function validate(): Errors {
    const found: Errors = {};
    if (spec.fields.includes('reden') && !reden.trim()) found.reden = 'Vul een reden in.';
    if (spec.fields.includes('duur') && !(Number(duurDagen) >= 1))
      found.duur = 'Vul een aantal dagen in (1 of meer).';
    if (spec.fields.includes('resultaattype') && !resultaattype)
      found.resultaattype = 'Kies een resultaat.';
    return found;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = validate();
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      await runZaakAction(
        zaak.id,
        spec.action,
        bodyFor(spec.action, { reden, duurDagen, resultaattype }),
      );
      onDone(spec.success);
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  const resultaatOptions = [
    {
      value: '',
      label: spec.fields.includes('resultaattype')
        ? 'Kies een resultaat'
        : 'Het vastgelegde resultaat',
    },
    ...(zaaktype?.resultaattypen ?? []).map((item) => ({
      value: item.omschrijving,
      label: item.omschrijving,
    })),
  ];
  const lopend = zaak.opschortingen.find((item) => item.tot === null);

  return (
    <form
      id="zaak-actie-formulier"
      className="card action-form stack"
      onSubmit={(event) => void submit(event)}
      noValidate
    >
      <h3 className="utrecht-heading-3" tabIndex={-1} ref={headingRef}>
        {spec.label}
      </h3>
      {failure && (
        <Alert type="error" title={`${spec.label} is niet gelukt`}>
          {failure}
        </Alert>
      )}
      {spec.action === 'hervatten' && lopend && (
        <p>
          Opgeschort sinds {formatDate(lopend.van)} ({lopend.reden}). Bij hervatten schuiven de
          streef- en fatale datum op met het aantal dagen dat de zaak werkelijk opgeschort was.
        </p>
      )}
      {spec.fields.includes('duur') && (
        <TextField
          id="actie-duur"
          label="Verlenging in kalenderdagen"
          type="number"
          min={1}
          description={
            zaaktype?.verlengingstermijn
              ? `Ten hoogste ${formatDuration(zaaktype.verlengingstermijn)} (zaaktype).`
              : 'Het zaaktype bepaalt het maximum.'
          }
          value={duurDagen}
          onChange={setDuurDagen}
          error={errors.duur}
          required
        />
      )}
      {(spec.fields.includes('resultaattype') || spec.fields.includes('resultaattypeOptional')) && (
        <SelectField
          id="actie-resultaattype"
          label="Resultaat"
          value={resultaattype}
          options={resultaatOptions}
          onChange={setResultaattype}
          error={errors.resultaattype}
          required={spec.fields.includes('resultaattype')}
        />
      )}
      {spec.fields.includes('reden') && (
        <TextAreaField
          id="actie-reden"
          label="Reden"
          value={reden}
          onChange={setReden}
          error={errors.reden}
          required
        />
      )}
      <div className="button-row">
        <button
          type="submit"
          className="utrecht-button utrecht-button--primary-action"
          disabled={busy}
        >
          {busy ? 'Bezig…' : spec.label}
        </button>
        <button type="button" className="utrecht-button utrecht-button--subtle" onClick={onCancel}>
          Annuleren
        </button>
      </div>
    </form>
  );
}
