import { useState, type FormEvent } from 'react';
import { formatDate, formatDateTime } from '../../../lib/format';
import { useResource } from '../../../lib/useResource';
import { hasRole, useCurrentUser } from '../../../lib/session';
import { useSubmission } from '../../../lib/useSubmission';
import { SubmissionOutcome } from '../../../components/SubmissionOutcome';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { SelectField } from '../../../components/SelectField';
import { TextField } from '../../../components/TextField';
import { getZaakEigenschappen, setZaakEigenschap } from '../api/zaken';
import type { ZaakEigenschap } from '../api/types';

const hint: Record<ZaakEigenschap['formaat'], string> = {
  tekst: 'Tekst, hoogstens 255 tekens.',
  getal: 'Een getal, bijvoorbeeld 1250 of 1250,50.',
  datum: 'Een datum als JJJJ-MM-DD, bijvoorbeeld 2026-09-01.',
  datum_tijd: 'Datum en tijd met tijdzone, bijvoorbeeld 2026-09-01T14:30:00+02:00.',
};

function shown({ formaat, waarde }: ZaakEigenschap): string {
  if (waarde === null) return 'Niet ingevuld';
  if (formaat === 'datum') return formatDate(waarde);
  if (formaat === 'datum_tijd') return formatDateTime(waarde);
  return waarde;
}

/** The zaaktype's eigenschappen with their waarde on this zaak; staff who act on it can set them. */
export function ZaakEigenschappen({ zaakId, open }: { zaakId: string; open: boolean }) {
  const user = useCurrentUser();
  const list = useResource(`eigenschappen:${zaakId}`, (signal) =>
    getZaakEigenschappen(zaakId, signal),
  );
  const [naam, setNaam] = useState('');
  const [waarde, setWaarde] = useState('');
  const [fieldError, setFieldError] = useState<string>();
  const { busy, failure, done, submit: send, reset } = useSubmission();
  const eigenschappen = list.data?.eigenschappen ?? [];
  if (list.data && eigenschappen.length === 0) return null;
  const chosen = eigenschappen.find((e) => e.naam === (naam || eigenschappen[0]?.naam));
  const canWrite = open && hasRole(user, 'behandelaar', 'coordinator');

  async function submit(event: FormEvent) {
    event.preventDefault();
    reset();
    if (!chosen) return;
    if (!waarde.trim()) {
      setFieldError('Vul een waarde in.');
      return;
    }
    setFieldError(undefined);
    const saved = await send(
      () => setZaakEigenschap(zaakId, chosen.naam, waarde),
      `${chosen.naam} is opgeslagen.`,
    );
    if (!saved) return;
    setWaarde('');
    list.reload();
  }

  return (
    <section className="card" aria-labelledby="eigenschappen-titel">
      <h2 className="utrecht-heading-2" id="eigenschappen-titel">
        Eigenschappen
      </h2>
      <ErrorAlert error={list.error} title="De eigenschappen konden niet worden geladen" />
      <dl className="data-list">
        {eigenschappen.map((eigenschap) => (
          <div key={eigenschap.naam} className="data-list__item">
            <dt title={eigenschap.definitie}>{eigenschap.naam}</dt>
            <dd>{shown(eigenschap)}</dd>
          </div>
        ))}
      </dl>
      {canWrite && chosen && (
        <form onSubmit={(event) => void submit(event)} noValidate className="stack">
          <SubmissionOutcome
            done={done}
            failure={failure}
            failureTitle="De eigenschap is niet opgeslagen"
          />
          <SelectField
            id="eigenschap-naam"
            label="Eigenschap"
            value={chosen.naam}
            options={eigenschappen.map((e) => ({ value: e.naam, label: e.naam }))}
            onChange={setNaam}
            required
          />
          <TextField
            id="eigenschap-waarde"
            label="Waarde"
            value={waarde}
            onChange={setWaarde}
            description={`${chosen.definitie}. ${hint[chosen.formaat]}`}
            error={fieldError}
            required
          />
          <div>
            <button
              type="submit"
              className="utrecht-button utrecht-button--secondary-action"
              disabled={busy}
            >
              Eigenschap opslaan
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
