import type { TextareaHTMLAttributes } from 'react';
import { FieldLabel, FieldNotes, useFieldIds } from './field-parts';

/** A labelled multi-line input with its hint and its error, tied to it for screen readers. */
export function TextAreaField({
  label,
  hint,
  error,
  className = '',
  ...textarea
}: {
  label: string;
  hint?: string;
  error?: string;
} & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const ids = useFieldIds(hint, error);
  return (
    <div className={`space-y-1 ${className}`}>
      <FieldLabel ids={ids} label={label} />
      <textarea
        id={ids.id}
        aria-invalid={error ? true : undefined}
        aria-describedby={ids.describedBy}
        className="min-h-24 w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base text-slate-900 aria-invalid:border-red-700"
        {...textarea}
      />
      <FieldNotes ids={ids} hint={hint} error={error} />
    </div>
  );
}
