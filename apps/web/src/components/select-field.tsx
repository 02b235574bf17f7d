import type { SelectHTMLAttributes } from 'react';
import { FieldLabel, FieldNotes, useFieldIds } from './field-parts';

/** A labelled select with its error, tied to it for screen readers. */
export function SelectField({
  label,
  error,
  options,
  className = '',
  ...select
}: {
  label: string;
  error?: string;
  options: readonly { value: string; label: string }[];
} & SelectHTMLAttributes<HTMLSelectElement>) {
  const ids = useFieldIds(undefined, error);
  return (
    <div className={`space-y-1 ${className}`}>
      <FieldLabel ids={ids} label={label} />
      <select
        id={ids.id}
        aria-invalid={error ? true : undefined}
        aria-describedby={ids.describedBy}
        className="min-h-11 w-full rounded-md border border-slate-400 bg-white px-2 text-base text-slate-900 aria-invalid:border-red-700"
        {...select}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldNotes ids={ids} error={error} />
    </div>
  );
}
