import type { ReactNode } from 'react';

/** Field errors from the API by dotted path, e.g. `statustypen.1.omschrijving`. */
export type FieldErrors = Record<string, string>;

const fieldId = (path: string) => `zs-f-${path.replace(/\./g, '-')}`;

interface FieldProps {
  label: string;
  path: string;
  errors: FieldErrors;
  hint?: string;
  children: (props: {
    id: string;
    'aria-invalid'?: true;
    'aria-describedby'?: string;
  }) => ReactNode;
}

/** A labelled field with its hint and its error linked to the input (WCAG 3.3.1, 1.3.1). */
export function Field({ label, path, errors, hint, children }: FieldProps) {
  const id = fieldId(path);
  const error = errors[path];
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className={`zs-field${error ? ' zs-field--invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <span id={`${id}-hint`} className="zs-help">
          {hint}
        </span>
      )}
      {children({
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy || undefined,
      })}
      {error && (
        <p id={`${id}-error`} className="zs-field-error">
          {error}
        </p>
      )}
    </div>
  );
}

interface TextFieldProps {
  label: string;
  path: string;
  value: string | null;
  errors: FieldErrors;
  hint?: string;
  multiline?: boolean;
  type?: 'text' | 'date';
  readOnly: boolean;
  /** Empty text becomes null when the field is optional. */
  optional?: boolean;
  onChange: (value: string | null) => void;
}

export function TextField(props: TextFieldProps) {
  const { value, multiline, readOnly, optional, onChange } = props;
  const change = (text: string) => onChange(optional && text.trim() === '' ? null : text);
  return (
    <Field label={props.label} path={props.path} errors={props.errors} hint={props.hint}>
      {(a11y) =>
        multiline ? (
          <textarea
            {...a11y}
            value={value ?? ''}
            readOnly={readOnly}
            rows={3}
            onChange={(e) => change(e.target.value)}
          />
        ) : (
          <input
            {...a11y}
            type={props.type ?? 'text'}
            value={value ?? ''}
            readOnly={readOnly}
            onChange={(e) => change(e.target.value)}
          />
        )
      }
    </Field>
  );
}

interface SelectFieldProps {
  label: string;
  path: string;
  value: string;
  options: readonly string[];
  errors: FieldErrors;
  readOnly: boolean;
  onChange: (value: string) => void;
}

export function SelectField({
  label,
  path,
  value,
  options,
  errors,
  readOnly,
  onChange,
}: SelectFieldProps) {
  return (
    <Field label={label} path={path} errors={errors}>
      {(a11y) => (
        <select
          {...a11y}
          value={value}
          disabled={readOnly}
          onChange={(e) => onChange(e.target.value)}
        >
          {options.map((option) => (
            <option key={option} value={option}>
              {option.replace(/_/g, ' ')}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

interface CheckboxFieldProps {
  label: string;
  path: string;
  checked: boolean;
  errors: FieldErrors;
  readOnly: boolean;
  onChange: (checked: boolean) => void;
}

export function CheckboxField({
  label,
  path,
  checked,
  errors,
  readOnly,
  onChange,
}: CheckboxFieldProps) {
  const id = fieldId(path);
  return (
    <div className="zs-field zs-field--checkbox">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        disabled={readOnly}
        onChange={(e) => onChange(e.target.checked)}
      />
      <label htmlFor={id}>{label}</label>
      {errors[path] && <p className="zs-field-error">{errors[path]}</p>}
    </div>
  );
}
