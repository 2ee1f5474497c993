import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiError, errorMessage } from '../../../lib/api';
import { useResource } from '../../../lib/useResource';
import { SelectField } from '../../../components/SelectField';
import { TextAreaField } from '../../../components/TextAreaField';
import { TextField } from '../../../components/TextField';
import { getZaaktypen, getZaaktypeVersie } from '../api/catalogus';
import { startZaak, type NieuweZaak } from '../api/zaakStarten';
import { isValidBsn } from '../utils/elfProef';
import { uploadBijlagen, ZaakBijlagen, type Bijlagen } from './ZaakBijlagen';

type Field = 'zaaktype' | 'omschrijving' | 'toelichting' | 'nummer' | 'naam' | 'email';
type Errors = Partial<Record<Field | 'form', string>>;

interface Values {
  zaaktype: string;
  omschrijving: string;
  toelichting: string;
  soort: 'burger' | 'bedrijf';
  nummer: string;
  naam: string;
  email: string;
}

const empty: Values = {
  zaaktype: '',
  omschrijving: '',
  toelichting: '',
  soort: 'burger',
  nummer: '',
  naam: '',
  email: '',
};

/** Zaak starten: a behandelaar registers a request received at the counter, by phone or mail. */
export function ZaakStartenPage() {
  const navigate = useNavigate();
  const zaaktypen = useResource('zaaktypen', (signal) => getZaaktypen(signal));
  const [values, setValues] = useState<Values>(empty);
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  // One key per filled-in form: a double click or a retry registers the zaak once.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [bijlagen, setBijlagen] = useState<Bijlagen>({ bestanden: [], documenttype: '' });
  const versie = zaaktypen.data?.find(
    (z) => z.identificatie === values.zaaktype,
  )?.gepubliceerdeVersie;
  const zaaktype = useResource(`zaaktype:${values.zaaktype}:${versie}`, (signal) =>
    versie === undefined
      ? Promise.resolve(undefined)
      : getZaaktypeVersie(values.zaaktype, versie, signal),
  );
  const documenttypen = zaaktype.data?.informatieobjecttypen.map((type) => type.omschrijving) ?? [];
  const set = (field: keyof Values) => (value: string) =>
    setValues((current) => ({ ...current, [field]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = check(values);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      document.getElementById(`zaak-${Object.keys(found)[0]}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      const zaak = await startZaak(toRequest(values), idempotencyKey);
      const { toegevoegd, mislukt } = await uploadBijlagen(zaak.id, bijlagen, documenttypen);
      const message = [
        `Zaak ${zaak.identificatie} is gestart.`,
        toegevoegd > 0 ? `${toegevoegd} bijlage(n) toegevoegd.` : '',
        mislukt.length > 0 ? `Niet toegevoegd: ${mislukt.join('; ')}` : '',
      ];
      void navigate(`/zaken/${zaak.id}`, { state: { message: message.filter(Boolean).join(' ') } });
    } catch (cause) {
      setErrors(serverErrors(cause));
    } finally {
      setBusy(false);
    }
  }

  const burger = values.soort === 'burger';
  return (
    <section className="page page--narrow">
      <p>
        <Link className="utrecht-link" to="/werk">
          Terug naar de werkvoorraad
        </Link>
      </p>
      <h1 className="utrecht-heading-1">Zaak starten</h1>
      <form onSubmit={(event) => void submit(event)} noValidate aria-describedby="zaak-form-fout">
        {errors.form && (
          <p id="zaak-form-fout" role="alert" className="utrecht-form-field-error-message">
            {errors.form}
          </p>
        )}
        <SelectField
          id="zaak-zaaktype"
          label="Zaaktype"
          value={values.zaaktype}
          options={[
            { value: '', label: zaaktypen.loading ? 'Laden…' : 'Kies een zaaktype' },
            ...(zaaktypen.data ?? []).map((z) => ({
              value: z.identificatie,
              label: z.omschrijving,
            })),
          ]}
          onChange={set('zaaktype')}
          error={errors.zaaktype}
          required
        />
        <TextField
          id="zaak-omschrijving"
          label="Omschrijving"
          description="Kort en herkenbaar, bijvoorbeeld: Losse stoeptegel Dorpsstraat 12 (maximaal 80 tekens)"
          value={values.omschrijving}
          onChange={set('omschrijving')}
          error={errors.omschrijving}
          required
        />
        <TextAreaField
          id="zaak-toelichting"
          label="Toelichting"
          value={values.toelichting}
          onChange={set('toelichting')}
          error={errors.toelichting}
        />
        <fieldset className="utrecht-form-fieldset form-field">
          <legend className="utrecht-form-fieldset__legend">Aanvrager</legend>
          <div className="radio-row">
            {(['burger', 'bedrijf'] as const).map((soort) => (
              <label key={soort} className="utrecht-form-label">
                <input
                  type="radio"
                  className="utrecht-radio-button"
                  name="soort"
                  value={soort}
                  checked={values.soort === soort}
                  onChange={() => set('soort')(soort)}
                />{' '}
                {soort === 'burger' ? 'Inwoner (BSN)' : 'Bedrijf of instelling (KvK-nummer)'}
              </label>
            ))}
          </div>
          <TextField
            id="zaak-nummer"
            label={burger ? 'BSN' : 'KvK-nummer'}
            description={burger ? '9 cijfers' : '8 cijfers'}
            value={values.nummer}
            onChange={set('nummer')}
            error={errors.nummer}
            required
          />
          <TextField
            id="zaak-naam"
            label="Naam"
            value={values.naam}
            onChange={set('naam')}
            error={errors.naam}
          />
          <TextField
            id="zaak-email"
            label="E-mailadres"
            description="Voor berichten over de voortgang"
            type="email"
            value={values.email}
            onChange={set('email')}
            error={errors.email}
            autoComplete="off"
          />
        </fieldset>
        <ZaakBijlagen value={bijlagen} documenttypen={documenttypen} onChange={setBijlagen} />
        <button
          type="submit"
          className="utrecht-button utrecht-button--primary-action"
          disabled={busy}
        >
          {busy ? 'Bezig met starten…' : 'Zaak starten'}
        </button>
      </form>
    </section>
  );
}

function check(values: Values): Errors {
  const errors: Errors = {};
  if (!values.zaaktype) errors.zaaktype = 'Kies het zaaktype.';
  if (!values.omschrijving.trim()) errors.omschrijving = 'Vul een omschrijving in.';
  else if (values.omschrijving.trim().length > 80)
    errors.omschrijving = 'Gebruik maximaal 80 tekens.';
  const nummer = values.nummer.replace(/\s/g, '');
  if (values.soort === 'burger' && !isValidBsn(nummer))
    errors.nummer = 'Dit is geen geldig BSN: 9 cijfers die de elfproef doorstaan.';
  if (values.soort === 'bedrijf' && !/^\d{8}$/.test(nummer))
    errors.nummer = 'Een KvK-nummer heeft precies 8 cijfers.';
  if (values.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email))
    errors.email = 'Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.';
  return errors;
}

function toRequest(values: Values): NieuweZaak {
  const nummer = values.nummer.replace(/\s/g, '');
  const contact = {
    ...(values.naam.trim() ? { naam: values.naam.trim() } : {}),
    ...(values.email.trim() ? { email: values.email.trim() } : {}),
  };
  return {
    zaaktype: values.zaaktype,
    omschrijving: values.omschrijving.trim(),
    ...(values.toelichting.trim() ? { toelichting: values.toelichting.trim() } : {}),
    initiator:
      values.soort === 'burger'
        ? { type: 'natuurlijk_persoon', bsn: nummer, ...contact }
        : { type: 'niet_natuurlijk_persoon', kvkNummer: nummer, ...contact },
  };
}

/** The server's field problems (e.g. `initiator.bsn`) shown at the fields they belong to. */
function serverErrors(cause: unknown): Errors {
  if (!(cause instanceof ApiError)) return { form: errorMessage(cause) };
  const fieldOf: Record<string, Field> = {
    zaaktype: 'zaaktype',
    omschrijving: 'omschrijving',
    toelichting: 'toelichting',
    'initiator.bsn': 'nummer',
    'initiator.kvkNummer': 'nummer',
    'initiator.naam': 'naam',
    'initiator.email': 'email',
  };
  const problems = (cause.details.problems as Array<{ path: string; message: string }>) ?? [];
  const errors: Errors = {};
  for (const problem of problems) {
    const field = fieldOf[problem.path];
    if (field) errors[field] = problem.message;
  }
  const single = typeof cause.details.field === 'string' ? fieldOf[cause.details.field] : undefined;
  if (single) errors[single] = cause.message;
  if (Object.keys(errors).length === 0) errors.form = cause.message;
  return errors;
}
