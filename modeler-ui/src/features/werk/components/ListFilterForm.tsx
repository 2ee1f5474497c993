import { useState, type FormEvent, type ReactNode } from 'react';
import { SelectField } from '../../../components/SelectField';
import { pageSizes, useListParams } from '../hooks/useListParams';

interface ListFilterFormProps {
  /** Field names this form owns, read from and written to the URL. */
  fields: string[];
  children: (
    values: Record<string, string>,
    set: (name: string, value: string) => void,
  ) => ReactNode;
}

/** A filter form whose values live in the URL once applied ("Filteren"). */
export function ListFilterForm({ fields, children }: ListFilterFormProps) {
  const list = useListParams();
  const initial = Object.fromEntries(fields.map((field) => [field, list.get(field) ?? '']));
  const [values, setValues] = useState<Record<string, string>>(initial);
  const [pageSize, setPageSize] = useState(String(list.pageSize));

  function submit(event: FormEvent) {
    event.preventDefault();
    list.update({ ...values, pageSize });
  }

  function reset() {
    const empty = Object.fromEntries(fields.map((field) => [field, '']));
    setValues(empty);
    list.update({ ...empty, sort: null });
  }

  return (
    <form className="filter-form" onSubmit={submit} role="search" aria-label="Filters">
      {children(values, (name, value) => setValues((current) => ({ ...current, [name]: value })))}
      <SelectField
        id="filter-pageSize"
        label="Per pagina"
        value={pageSize}
        onChange={setPageSize}
        options={pageSizes.map((size) => ({ value: String(size), label: String(size) }))}
        required
      />
      <div className="filter-form__buttons">
        <button type="submit" className="utrecht-button utrecht-button--primary-action">
          Filteren
        </button>
        <button type="button" className="utrecht-button utrecht-button--subtle" onClick={reset}>
          Filters wissen
        </button>
      </div>
    </form>
  );
}
