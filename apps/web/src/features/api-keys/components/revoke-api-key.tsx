import type { ApiKeySummary } from '@ciao/domain';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { SECONDARY_BUTTON } from '../../../components/text-field';
import { DANGER_BUTTON } from '../../licences/components/revoke-licence';
import { OperationError } from '../../users/components/operation-error';
import { useApiKeyMutations } from '../hooks/use-api-keys';

/** Revoking a key cannot be undone: the integration using it stops at its next request. */
export function RevokeApiKey({
  apiKey,
  onDone,
}: {
  apiKey: ApiKeySummary;
  onDone: (revoked: boolean) => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const { revoke } = useApiKeyMutations();
  return (
    <section
      aria-labelledby={headingId}
      className="space-y-4 rounded-lg border-2 border-red-300 bg-white p-5"
    >
      <h2 id={headingId} className="text-xl font-semibold text-slate-900">
        {t('apiKeys.revokeDialog.title', { name: apiKey.name })}
      </h2>
      <p className="max-w-prose text-slate-800">{t('apiKeys.revokeDialog.explain')}</p>
      {revoke.isError && <OperationError error={revoke.error} />}
      <div className="flex flex-wrap gap-3">
        <button
          type="button"
          className={DANGER_BUTTON}
          disabled={revoke.isPending}
          onClick={() => revoke.mutate(apiKey.id, { onSuccess: () => onDone(true) })}
        >
          {t('apiKeys.revokeDialog.confirm')}
        </button>
        <button type="button" className={SECONDARY_BUTTON} onClick={() => onDone(false)}>
          {t('list.cancel')}
        </button>
      </div>
    </section>
  );
}
