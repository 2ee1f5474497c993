interface TextAreaFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  required?: boolean;
  rows?: number;
}

export function TextAreaField({
  id,
  label,
  value,
  onChange,
  error,
  required,
  rows = 3,
}: TextAreaFieldProps) {
  return (
    <div className={`utrecht-form-field${error ? ' utrecht-form-field--invalid' : ''} form-field`}>
      <label className="utrecht-form-label" htmlFor={id}>
        {label}
        {required ? '' : ' (optioneel)'}
      </label>
      {error && (
        <p id={`${id}-error`} className="utrecht-form-field-error-message">
          Fout: {error}
        </p>
      )}
      <textarea
        id={id}
        rows={rows}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        className={`utrecht-textarea utrecht-textarea--html-textarea${error ? ' utrecht-textarea--invalid' : ''}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        aria-required={required || undefined}
      />
    </div>
  );
}
