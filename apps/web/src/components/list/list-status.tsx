import { RequestErrorMessage } from '@ciao/front-common';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SECONDARY_BUTTON } from '../text-field';

/** Loading and failure of a list, with a retry that does not lose the search. */
export function ListStatus({
  isPending,
  error,
  onRetry,
}: {
  isPending: boolean;
  error: unknown;
  onRetry: () => void;
}) {
  const { t } = useTranslation();
  if (error) {
    return (
      <div role="alert" className="space-y-3 rounded-md border border-red-300 bg-red-50 p-3 text-red-900">
        <p>
          <RequestErrorMessage error={error} />
        </p>
        <button type="button" className={SECONDARY_BUTTON} onClick={onRetry}>
          {t('unreachable.retry')}
        </button>
      </div>
    );
  }
  if (isPending) {
    return (
      <p role="status" className="text-slate-700">
        {t('list.loading')}
      </p>
    );
  }
  return null;
}

/** What an empty list says: that nothing matches, or how to start when there is nothing yet. */
export function EmptyState({ children }: { children: ReactNode }) {
  return <div className="rounded-md border border-slate-200 bg-white p-4 text-slate-700">{children}</div>;
}

/** A success message announced to screen readers (after a save). */
export function Notice({ message }: { message: string | undefined }) {
  return (
    <div aria-live="polite">
      {message && (
        <p role="status" className="rounded-md border border-green-300 bg-green-50 p-3 text-green-900">
          {message}
        </p>
      )}
    </div>
  );
}
