export interface Option {
  value: string;
  label: string;
}

interface SelectFieldProps {
  id: string;
  label: string;
  value: string;
  options: Option[];
  onChange: (value: string) => void;
  error?: string | undefined;
  required?: boolean;
}

export function SelectField({
  id,
  label,
  value,
  options,
  onChange,
  error,
  required,
}: SelectFieldProps) {
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
      <select
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        className={`utrecht-select utrecht-select--html-select${error ? ' utrecht-select--invalid' : ''}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        aria-required={required || undefined}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
