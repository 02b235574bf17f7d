import { useId } from 'react';
import type { SelectHTMLAttributes } from 'react';

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
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className={`space-y-1 ${className}`}>
      <label htmlFor={id} className="block font-medium text-slate-800">
        {label}
      </label>
      <select
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        className="min-h-11 w-full rounded-md border border-slate-400 bg-white px-2 text-base text-slate-900 aria-invalid:border-red-700"
        {...select}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {error && (
        <p id={errorId} className="text-sm font-medium text-red-800">
          {error}
        </p>
      )}
    </div>
  );
}
