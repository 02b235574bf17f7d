import { useTranslation } from 'react-i18next';
import { OneTimeSecret } from '../../../components/one-time-secret';

/** The signing secret, shown this once: ciao keeps it sealed and never shows it again. */
export function NewWebhookSecret({
  url,
  secret,
  onClose,
}: {
  url: string;
  secret: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <OneTimeSecret
      title={t('webhooks.newSecret.title', { url })}
      secret={secret}
      secretClassName="text-lg break-all"
      testId="webhook-secret"
      texts={{
        onlyOnce: t('webhooks.newSecret.onlyOnce'),
        howTo: t('webhooks.newSecret.howTo'),
        copy: t('webhooks.newSecret.copy'),
        copied: t('webhooks.newSecret.copied'),
        copyFailed: t('webhooks.newSecret.copyFailed'),
        done: t('webhooks.newSecret.done'),
      }}
      onClose={onClose}
    />
  );
}
