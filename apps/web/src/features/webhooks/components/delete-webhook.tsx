import type { WebhookSubscriptionSummary } from '@ciao/domain';
import { useTranslation } from 'react-i18next';
import { DangerConfirmation } from '../../../components/danger-confirmation';
import { useWebhookMutations } from '../hooks/use-webhooks';

/** Deleting a subscription also deletes its delivery log; nothing more is sent to its URL. */
export function DeleteWebhook({
  subscription,
  onDone,
}: {
  subscription: WebhookSubscriptionSummary;
  onDone: (deleted: boolean) => void;
}) {
  const { t } = useTranslation();
  const { remove } = useWebhookMutations();
  return (
    <DangerConfirmation
      title={t('webhooks.deleteDialog.title', { url: subscription.url })}
      explanation={t('webhooks.deleteDialog.explain')}
      confirmLabel={t('webhooks.deleteDialog.confirm')}
      operation={remove}
      onConfirm={() => remove.mutate(subscription.id, { onSuccess: () => onDone(true) })}
      onCancel={() => onDone(false)}
    />
  );
}
