import { useState, type FormEvent } from 'react';
import { SelectField } from '../../../components/SelectField';
import { TextField } from '../../../components/TextField';
import type { OverzichtFilters } from '../api/overzicht';

interface OverzichtFilterProps {
  value: OverzichtFilters;
  zaaktypen: { identificatie: string; omschrijving: string }[];
  teams: { code: string; naam: string }[];
  onApply: (filters: OverzichtFilters) => void;
}

/** Period, zaaktype, team, behandelaar and risk window; applied together, kept in the URL. */
export function OverzichtFilter({ value, zaaktypen, teams, onApply }: OverzichtFilterProps) {
  const [draft, setDraft] = useState(value);
  const set = (field: keyof OverzichtFilters) => (next: string) =>
    setDraft({ ...draft, [field]: next });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft);
  };
  return (
    <form className="zs-overzicht-filter" onSubmit={submit} aria-label="Filters van het overzicht">
      <TextField id="filter-van" label="Van" type="date" value={draft.van} onChange={set('van')} />
      <TextField
        id="filter-tot"
        label="Tot en met"
        type="date"
        value={draft.tot}
        onChange={set('tot')}
      />
      <SelectField
        id="filter-zaaktype"
        label="Zaaktype"
        value={draft.zaaktype}
        options={[
          { value: '', label: 'Alle zaaktypen' },
          ...zaaktypen.map((z) => ({ value: z.identificatie, label: z.omschrijving })),
        ]}
        onChange={set('zaaktype')}
      />
      <SelectField
        id="filter-groep"
        label="Team"
        value={draft.groep}
        options={[
          { value: '', label: 'Alle teams' },
          ...teams.map((t) => ({ value: t.code, label: t.naam })),
        ]}
        onChange={set('groep')}
      />
      <TextField
        id="filter-behandelaar"
        label="Behandelaar (gebruikersnaam)"
        value={draft.behandelaar}
        onChange={set('behandelaar')}
      />
      <TextField
        id="filter-risico"
        label="In gevaar binnen (werkdagen)"
        type="number"
        min={0}
        value={draft.risicoDagen}
        onChange={set('risicoDagen')}
      />
      <div className="zs-overzicht-filter__actions">
        <button type="submit" className="utrecht-button utrecht-button--primary-action">
          Toepassen
        </button>
      </div>
    </form>
  );
}
