import type { InputHTMLAttributes } from 'react';
import { FieldLabel, FieldNotes, useFieldIds } from './field-parts';

/** A labelled input with its hint and its error, tied to it for screen readers. */
export function TextField({
  label,
  hint,
  error,
  className = '',
  ...input
}: {
  label: string;
  hint?: string;
  error?: string;
} & InputHTMLAttributes<HTMLInputElement>) {
  const ids = useFieldIds(hint, error);
  return (
    <div className={`space-y-1 ${className}`}>
      <FieldLabel ids={ids} label={label} />
      <input
        id={ids.id}
        aria-invalid={error ? true : undefined}
        aria-describedby={ids.describedBy}
        className="min-h-11 w-full rounded-md border border-slate-400 bg-white px-3 text-base text-slate-900 aria-invalid:border-red-700"
        {...input}
      />
      <FieldNotes ids={ids} hint={hint} error={error} />
    </div>
  );
}

export const PRIMARY_BUTTON =
  'inline-flex min-h-11 items-center justify-center rounded-md bg-brand-700 px-4 font-semibold text-white hover:bg-brand-800 disabled:cursor-wait disabled:opacity-70';
export const SECONDARY_BUTTON =
  'inline-flex min-h-11 items-center justify-center rounded-md border border-brand-700 bg-white px-4 font-semibold text-brand-700 hover:bg-brand-50 disabled:opacity-70';
