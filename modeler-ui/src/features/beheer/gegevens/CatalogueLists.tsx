import {
  AFLEIDINGSWIJZEN,
  ARCHIEFNOMINATIES,
  ROLTYPE_OMSCHRIJVINGEN_GENERIEK,
  type Resultaattype,
  type Roltype,
  type Statustype,
} from '../api/types';
import { CheckboxField, SelectField, TextField, type FieldErrors } from './fields';

interface ListProps<T> {
  items: T[];
  errors: FieldErrors;
  readOnly: boolean;
  onChange: (items: T[]) => void;
}

function replaceAt<T>(items: T[], index: number, item: T): T[] {
  return items.map((existing, i) => (i === index ? item : existing));
}

function RemoveButton({
  label,
  readOnly,
  onClick,
}: {
  label: string;
  readOnly: boolean;
  onClick: () => void;
}) {
  if (readOnly) return null;
  return (
    <button type="button" className="zs-link-button" aria-label={label} onClick={onClick}>
      Verwijderen
    </button>
  );
}

export function StatustypenList({ items, errors, readOnly, onChange }: ListProps<Statustype>) {
  return (
    <fieldset className="zs-list">
      <legend>Statustypen</legend>
      <p className="zs-help">
        De eerste status krijgt een zaak bij registratie; de hoogste volgnummer is de eindstatus.
      </p>
      {items.map((item, index) => (
        <div key={index} className="zs-list__row">
          <TextField
            label="Volgnummer"
            path={`statustypen.${index}.volgnummer`}
            value={String(item.volgnummer)}
            errors={errors}
            readOnly={readOnly}
            onChange={(v) =>
              onChange(replaceAt(items, index, { ...item, volgnummer: Number(v) || 0 }))
            }
          />
          <TextField
            label="Omschrijving"
            path={`statustypen.${index}.omschrijving`}
            value={item.omschrijving}
            errors={errors}
            readOnly={readOnly}
            onChange={(v) => onChange(replaceAt(items, index, { ...item, omschrijving: v ?? '' }))}
          />
          <TextField
            label="Statustekst (voor de burger)"
            path={`statustypen.${index}.statustekst`}
            value={item.statustekst}
            errors={errors}
            readOnly={readOnly}
            onChange={(v) => onChange(replaceAt(items, index, { ...item, statustekst: v ?? '' }))}
          />
          <CheckboxField
            label="Initiator informeren"
            path={`statustypen.${index}.informeren`}
            checked={item.informeren}
            errors={errors}
            readOnly={readOnly}
            onChange={(v) => onChange(replaceAt(items, index, { ...item, informeren: v }))}
          />
          <RemoveButton
            label={`Statustype ${item.omschrijving || index + 1} verwijderen`}
            readOnly={readOnly}
            onClick={() => onChange(items.filter((_, i) => i !== index))}
          />
        </div>
      ))}
      {!readOnly && (
        <button
          type="button"
          onClick={() =>
            onChange([
              ...items,
              {
                volgnummer: Math.max(0, ...items.map((s) => s.volgnummer)) + 1,
                omschrijving: '',
                statustekst: '',
                informeren: false,
              },
            ])
          }
        >
          Statustype toevoegen
        </button>
      )}
    </fieldset>
  );
}

export function ResultaattypenList({
  items,
  errors,
  readOnly,
  onChange,
}: ListProps<Resultaattype>) {
  return (
    <fieldset className="zs-list">
      <legend>Resultaattypen</legend>
      {items.map((item, index) => {
        const path = `resultaattypen.${index}`;
        const set = (changes: Partial<Resultaattype>) =>
          onChange(replaceAt(items, index, { ...item, ...changes }));
        return (
          <div key={index} className="zs-list__row">
            <TextField
              label="Omschrijving"
              path={`${path}.omschrijving`}
              value={item.omschrijving}
              errors={errors}
              readOnly={readOnly}
              onChange={(v) => set({ omschrijving: v ?? '' })}
            />
            <SelectField
              label="Archiefnominatie"
              path={`${path}.archiefnominatie`}
              value={item.archiefnominatie}
              options={ARCHIEFNOMINATIES}
              errors={errors}
              readOnly={readOnly}
              onChange={(v) => set({ archiefnominatie: v as Resultaattype['archiefnominatie'] })}
            />
            <TextField
              label="Archiefactietermijn"
              hint="Bijv. P10Y"
              path={`${path}.archiefactietermijn`}
              value={item.archiefactietermijn}
              errors={errors}
              readOnly={readOnly}
              onChange={(v) => set({ archiefactietermijn: v ?? '' })}
            />
            <SelectField
              label="Brondatum archiefprocedure"
              path={`${path}.brondatumArchiefprocedure.afleidingswijze`}
              value={item.brondatumArchiefprocedure.afleidingswijze}
              options={AFLEIDINGSWIJZEN}
              errors={errors}
              readOnly={readOnly}
              onChange={(v) =>
                set({
                  brondatumArchiefprocedure: {
                    afleidingswijze: v,
                    procestermijn:
                      v === 'termijn' ? item.brondatumArchiefprocedure.procestermijn : null,
                  },
                })
              }
            />
            {item.brondatumArchiefprocedure.afleidingswijze === 'termijn' && (
              <TextField
                label="Procestermijn"
                hint="Bijv. P5Y"
                path={`${path}.brondatumArchiefprocedure.procestermijn`}
                value={item.brondatumArchiefprocedure.procestermijn}
                errors={errors}
                readOnly={readOnly}
                optional
                onChange={(v) =>
                  set({
                    brondatumArchiefprocedure: {
                      ...item.brondatumArchiefprocedure,
                      procestermijn: v,
                    },
                  })
                }
              />
            )}
            <RemoveButton
              label={`Resultaattype ${item.omschrijving || index + 1} verwijderen`}
              readOnly={readOnly}
              onClick={() => onChange(items.filter((_, i) => i !== index))}
            />
          </div>
        );
      })}
      {!readOnly && (
        <button
          type="button"
          onClick={() =>
            onChange([
              ...items,
              {
                omschrijving: '',
                archiefnominatie: 'vernietigen',
                archiefactietermijn: 'P10Y',
                brondatumArchiefprocedure: { afleidingswijze: 'afgehandeld', procestermijn: null },
              },
            ])
          }
        >
          Resultaattype toevoegen
        </button>
      )}
    </fieldset>
  );
}

export function RoltypenList({ items, errors, readOnly, onChange }: ListProps<Roltype>) {
  return (
    <fieldset className="zs-list">
      <legend>Roltypen</legend>
      {items.map((item, index) => (
        <div key={index} className="zs-list__row">
          <TextField
            label="Omschrijving"
            path={`roltypen.${index}.omschrijving`}
            value={item.omschrijving}
            errors={errors}
            readOnly={readOnly}
            onChange={(v) => onChange(replaceAt(items, index, { ...item, omschrijving: v ?? '' }))}
          />
          <SelectField
            label="Generieke omschrijving"
            path={`roltypen.${index}.omschrijvingGeneriek`}
            value={item.omschrijvingGeneriek}
            options={ROLTYPE_OMSCHRIJVINGEN_GENERIEK}
            errors={errors}
            readOnly={readOnly}
            onChange={(v) =>
              onChange(replaceAt(items, index, { ...item, omschrijvingGeneriek: v }))
            }
          />
          <RemoveButton
            label={`Roltype ${item.omschrijving || index + 1} verwijderen`}
            readOnly={readOnly}
            onClick={() => onChange(items.filter((_, i) => i !== index))}
          />
        </div>
      ))}
      {!readOnly && (
        <button
          type="button"
          onClick={() =>
            onChange([...items, { omschrijving: '', omschrijvingGeneriek: 'behandelaar' }])
          }
        >
          Roltype toevoegen
        </button>
      )}
    </fieldset>
  );
}
