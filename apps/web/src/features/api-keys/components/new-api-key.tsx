import type { ApiKeySummary } from '@ciao/domain';
import { useTranslation } from 'react-i18next';
import { OneTimeSecret } from '../../../components/one-time-secret';

/** The new key, shown this once: a lost key cannot be shown again — it is revoked and replaced. */
export function NewApiKey({
  apiKey,
  secret,
  onClose,
}: {
  apiKey: ApiKeySummary;
  secret: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <OneTimeSecret
      title={t('apiKeys.newKey.title', { name: apiKey.name })}
      secret={secret}
      secretClassName="text-lg break-all"
      testId="api-key-secret"
      texts={{
        onlyOnce: t('apiKeys.newKey.onlyOnce'),
        howTo: t('apiKeys.newKey.howTo'),
        copy: t('apiKeys.newKey.copy'),
        copied: t('apiKeys.newKey.copied'),
        copyFailed: t('apiKeys.newKey.copyFailed'),
        done: t('apiKeys.newKey.done'),
      }}
      onClose={onClose}
    />
  );
}
