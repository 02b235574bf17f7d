import type { ApiKeySummary } from '@ciao/domain';
import { useTranslation } from 'react-i18next';
import { DangerConfirmation } from '../../../components/danger-confirmation';
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
  const { revoke } = useApiKeyMutations();
  return (
    <DangerConfirmation
      title={t('apiKeys.revokeDialog.title', { name: apiKey.name })}
      explanation={t('apiKeys.revokeDialog.explain')}
      confirmLabel={t('apiKeys.revokeDialog.confirm')}
      operation={revoke}
      onConfirm={() => revoke.mutate(apiKey.id, { onSuccess: () => onDone(true) })}
      onCancel={() => onDone(false)}
    />
  );
}
