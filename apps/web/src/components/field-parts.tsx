import { useId } from 'react';

export interface FieldIds {
  id: string;
  hintId: string;
  errorId: string;
  /** What `aria-describedby` of the control says: its hint and its error, when there are. */
  describedBy: string | undefined;
}

/** The ids that tie a control to its label, hint and error for screen readers. */
export function useFieldIds(hint: string | undefined, error: string | undefined): FieldIds {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : undefined, error ? errorId : undefined].filter(Boolean).join(' ');
  return { id, hintId, errorId, describedBy: describedBy || undefined };
}

export function FieldLabel({ ids, label }: { ids: FieldIds; label: string }) {
  return (
    <label htmlFor={ids.id} className="block font-medium text-slate-800">
      {label}
    </label>
  );
}

/** The hint under a control, then its error, each with the id the control points to. */
export function FieldNotes({ ids, hint, error }: { ids: FieldIds; hint?: string; error?: string }) {
  return (
    <>
      {hint && (
        <p id={ids.hintId} className="text-sm text-slate-600">
          {hint}
        </p>
      )}
      {error && (
        <p id={ids.errorId} className="text-sm font-medium text-red-800">
          {error}
        </p>
      )}
    </>
  );
}
