import { useState, type FormEvent } from 'react';
import { errorMessage } from '../../../lib/api';
import { useResource } from '../../../lib/useResource';
import { SelectField } from '../../../components/SelectField';
import { TextAreaField } from '../../../components/TextAreaField';
import { getMedewerkers, verdeelTaken } from '../api/taken';

const VRIJGEVEN = '-';

interface TakenVerdelenProps {
  selected: string[];
  onDone: (message: string) => void;
}

/**
 * Coordinator: give the selected tasks to one behandelaar, or back to their groups (e.g. when
 * someone is on holiday). The reason is required: it is kept in the audit trail of each task.
 */
export function TakenVerdelen({ selected, onDone }: TakenVerdelenProps) {
  const medewerkers = useResource('medewerkers', (signal) => getMedewerkers(signal));
  const [assignee, setAssignee] = useState('');
  const [reden, setReden] = useState('');
  const [errors, setErrors] = useState<{ assignee?: string; reden?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = {
      ...(selected.length === 0 ? { form: 'Selecteer eerst een of meer taken in de tabel.' } : {}),
      ...(assignee ? {} : { assignee: 'Kies aan wie de taken gaan, of vrijgeven.' }),
      ...(reden.trim() ? {} : { reden: 'Geef een reden; die komt in de historie van elke taak.' }),
    };
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const vrij = assignee === VRIJGEVEN;
      await verdeelTaken({ taakIds: selected, assignee: vrij ? null : assignee, reden });
      setReden('');
      onDone(
        vrij
          ? `${selected.length} taken zijn vrijgegeven aan hun groep.`
          : `${selected.length} taken zijn toegewezen aan ${assignee}.`,
      );
    } catch (cause) {
      setErrors({ form: errorMessage(cause) });
    } finally {
      setBusy(false);
    }
  }

  const options = [
    { value: '', label: 'Kies…' },
    { value: VRIJGEVEN, label: 'Vrijgeven (terug naar de groep)' },
    ...(medewerkers.data ?? []).map((m) => ({
      value: m.username,
      label: `${m.displayName} (${m.groups.join(', ') || 'geen groep'})`,
    })),
  ];
  return (
    <form
      className="verdelen"
      aria-labelledby="verdelen-titel"
      onSubmit={(e) => void submit(e)}
      noValidate
    >
      <h3 id="verdelen-titel" className="utrecht-heading-3">
        Taken verdelen <span className="cell-note">({selected.length} geselecteerd)</span>
      </h3>
      {errors.form && (
        <p role="alert" className="utrecht-form-field-error-message">
          {errors.form}
        </p>
      )}
      <SelectField
        id="verdelen-aan"
        label="Aan"
        value={assignee}
        options={options}
        onChange={setAssignee}
        error={errors.assignee}
        required
      />
      <TextAreaField
        id="verdelen-reden"
        label="Reden"
        value={reden}
        onChange={setReden}
        error={errors.reden}
        required
        rows={2}
      />
      <button
        type="submit"
        className="utrecht-button utrecht-button--primary-action"
        disabled={busy}
      >
        {busy ? 'Bezig…' : 'Verdelen'}
      </button>
    </form>
  );
}
