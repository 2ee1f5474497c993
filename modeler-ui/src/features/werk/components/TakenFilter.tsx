import { TextField } from '../../../components/TextField';
import { ListFilterForm } from './ListFilterForm';

export function TakenFilter() {
  return (
    <ListFilterForm fields={['q']}>
      {(values, set) => (
        <TextField
          id="filter-taken-q"
          label="Zoeken"
          description="Naam, zaaknummer, omschrijving, zaaktype, groep of behandelaar"
          value={values.q ?? ''}
          onChange={(value) => set('q', value)}
        />
      )}
    </ListFilterForm>
  );
}
