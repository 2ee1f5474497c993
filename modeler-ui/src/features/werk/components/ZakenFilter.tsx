import { useResource } from '../../../lib/useResource';
import { SelectField } from '../../../components/SelectField';
import { TextField } from '../../../components/TextField';
import { getZaaktypen } from '../api/catalogus';
import { ListFilterForm } from './ListFilterForm';

export function ZakenFilter() {
  const zaaktypen = useResource('zaaktypen', (signal) => getZaaktypen(signal));
  const zaaktypeOptions = [
    { value: '', label: 'Alle zaaktypen' },
    ...(zaaktypen.data ?? []).map((zaaktype) => ({
      value: zaaktype.identificatie,
      label: zaaktype.omschrijving,
    })),
  ];
  return (
    <ListFilterForm fields={['q', 'zaaktype', 'status', 'behandelaar', 'open']}>
      {(values, set) => (
        <>
          <TextField
            id="filter-zaken-q"
            label="Zoeken"
            description="Zaaknummer of omschrijving"
            value={values.q ?? ''}
            onChange={(value) => set('q', value)}
          />
          <SelectField
            id="filter-zaken-zaaktype"
            label="Zaaktype"
            value={values.zaaktype ?? ''}
            options={zaaktypeOptions}
            onChange={(value) => set('zaaktype', value)}
          />
          <TextField
            id="filter-zaken-status"
            label="Status"
            value={values.status ?? ''}
            onChange={(value) => set('status', value)}
          />
          <TextField
            id="filter-zaken-behandelaar"
            label="Behandelaar"
            description="Gebruikersnaam"
            value={values.behandelaar ?? ''}
            onChange={(value) => set('behandelaar', value)}
          />
          <SelectField
            id="filter-zaken-open"
            label="Zaken"
            value={values.open ?? ''}
            options={[
              { value: '', label: 'Open zaken' },
              { value: 'false', label: 'Afgehandelde zaken' },
              { value: 'alle', label: 'Alle zaken' },
            ]}
            onChange={(value) => set('open', value)}
            required
          />
        </>
      )}
    </ListFilterForm>
  );
}
