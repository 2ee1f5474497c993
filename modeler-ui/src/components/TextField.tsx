import type { HTMLInputTypeAttribute } from 'react';

interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: HTMLInputTypeAttribute;
  description?: string;
  error?: string | undefined;
  required?: boolean;
  autoComplete?: string;
  min?: number;
}

/** A labelled input whose description and error message are tied to it with aria-describedby. */
export function TextField(props: TextFieldProps) {
  const { id, label, value, onChange, type = 'text', description, error, required } = props;
  const describedBy = [description && `${id}-description`, error && `${id}-error`]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={`utrecht-form-field${error ? ' utrecht-form-field--invalid' : ''} form-field`}>
      <label className="utrecht-form-label" htmlFor={id}>
        {label}
        {required ? '' : ' (optioneel)'}
      </label>
      {description && (
        <p id={`${id}-description`} className="utrecht-form-field-description">
          {description}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="utrecht-form-field-error-message">
          Fout: {error}
        </p>
      )}
      <input
        id={id}
        type={type}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        className={`utrecht-textbox utrecht-textbox--html-input${error ? ' utrecht-textbox--invalid' : ''}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        aria-required={required || undefined}
        autoComplete={props.autoComplete}
        min={props.min}
      />
    </div>
  );
}
