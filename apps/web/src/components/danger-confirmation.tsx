import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { OperationError } from '../features/users/components/operation-error';
import { SECONDARY_BUTTON } from './text-field';

export const DANGER_BUTTON =
  'inline-flex min-h-11 items-center justify-center rounded-md bg-red-700 px-4 font-semibold text-white hover:bg-red-800 disabled:cursor-wait disabled:opacity-70';

/**
 * The confirmation panel of an action that cannot be undone (revoke, delete): what will happen,
 * any option of it, the server's refusal if there is one, and a red confirm beside cancel.
 */
export function DangerConfirmation({
  title,
  explanation,
  confirmLabel,
  operation,
  onConfirm,
  onCancel,
  children,
}: {
  title: string;
  explanation: string;
  confirmLabel: string;
  /** The mutation behind the confirm button: its pending state and its refusal. */
  operation: { isPending: boolean; isError: boolean; error: unknown };
  onConfirm: () => void;
  onCancel: () => void;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section
      aria-labelledby={headingId}
      className="space-y-4 rounded-lg border-2 border-red-300 bg-white p-5"
    >
      <h2 id={headingId} className="text-xl font-semibold text-slate-900">
        {title}
      </h2>
      <p className="max-w-prose text-slate-800">{explanation}</p>
      {children}
      {operation.isError && <OperationError error={operation.error} />}
      <div className="flex flex-wrap gap-3">
        <button type="button" className={DANGER_BUTTON} disabled={operation.isPending} onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button type="button" className={SECONDARY_BUTTON} onClick={onCancel}>
          {t('list.cancel')}
        </button>
      </div>
    </section>
  );
}
