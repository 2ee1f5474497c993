import { useState, type FormEvent } from 'react';
import { emptyForm, formIdProblem } from './emptyForm';
import { FormCanvas } from './FormCanvas';

export interface FormsEditorProps {
  forms: Record<string, unknown>;
  /** Form ids the process's user tasks refer to. */
  referencedIds: string[];
  readOnly: boolean;
  onChange: (forms: Record<string, unknown>) => void;
}

/** The Formulieren tab: the user task forms of this version, edited with form-js. */
export default function FormsEditor({
  forms,
  referencedIds,
  readOnly,
  onChange,
}: FormsEditorProps) {
  const ids = Object.keys(forms).sort();
  const missing = referencedIds.filter((id) => forms[id] === undefined);
  const [selected, setSelected] = useState<string | undefined>(ids[0]);
  const [newId, setNewId] = useState('');
  const [newIdError, setNewIdError] = useState<string>();
  const current = selected !== undefined && forms[selected] !== undefined ? selected : ids[0];

  const create = (id: string) => {
    onChange({ ...forms, [id]: emptyForm(id, id) });
    setSelected(id);
  };

  const submitNew = (event: FormEvent) => {
    event.preventDefault();
    const problem = formIdProblem(newId.trim(), ids);
    setNewIdError(problem);
    if (problem) return;
    create(newId.trim());
    setNewId('');
  };

  const remove = (id: string) => {
    onChange(Object.fromEntries(Object.entries(forms).filter(([formId]) => formId !== id)));
  };

  return (
    <div className="zs-forms">
      <div className="zs-forms__list">
        <h3>Formulieren</h3>
        <p className="zs-help">
          Koppel een formulier aan een gebruikerstaak onder <em>Form</em> in het Proces: kies
          &quot;Camunda Form (linked)&quot; en vul het formulier-id in. Bij opslaan wordt het
          formulier in het proces opgenomen.
        </p>
        {missing.length > 0 && (
          <div className="zs-alert zs-alert--warn" role="note">
            <p>Het proces gebruikt formulieren die nog niet bestaan:</p>
            <ul>
              {missing.map((id) => (
                <li key={id}>
                  {id}{' '}
                  {!readOnly && (
                    <button type="button" onClick={() => create(id)}>
                      Aanmaken
                    </button>
                  )}
                </li>
              ))}
            </ul>
          </div>
        )}
        {ids.length === 0 ? (
          <p>Deze versie heeft nog geen formulieren.</p>
        ) : (
          <ul className="zs-forms__ids">
            {ids.map((id) => (
              <li key={id}>
                <button
                  type="button"
                  aria-current={id === current ? 'true' : undefined}
                  onClick={() => setSelected(id)}
                >
                  {id}
                </button>
                {!referencedIds.includes(id) && (
                  <span className="zs-badge zs-badge--neutral">niet gebruikt</span>
                )}
                {!readOnly && (
                  <button
                    type="button"
                    className="zs-link-button"
                    aria-label={`Formulier ${id} verwijderen`}
                    onClick={() => remove(id)}
                  >
                    Verwijderen
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
        {!readOnly && (
          <form onSubmit={submitNew} noValidate>
            <label htmlFor="zs-new-form-id">Nieuw formulier (id)</label>
            <input
              id="zs-new-form-id"
              value={newId}
              onChange={(e) => setNewId(e.target.value)}
              aria-invalid={newIdError ? true : undefined}
              aria-describedby={newIdError ? 'zs-new-form-id-error' : undefined}
            />
            {newIdError && (
              <p id="zs-new-form-id-error" className="zs-field-error">
                {newIdError}
              </p>
            )}
            <button type="submit">Formulier toevoegen</button>
          </form>
        )}
      </div>
      <div className="zs-forms__editor">
        {current !== undefined && (
          <FormCanvas
            key={current}
            schema={forms[current]}
            onChange={(schema) => onChange({ ...forms, [current]: schema })}
          />
        )}
      </div>
    </div>
  );
}
