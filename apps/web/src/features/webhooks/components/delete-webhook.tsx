import type { WebhookSubscriptionSummary } from '@ciao/domain';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { SECONDARY_BUTTON } from '../../../components/text-field';
import { DANGER_BUTTON } from '../../licences/components/revoke-licence';
import { OperationError } from '../../users/components/operation-error';
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
  const headingId = useId();
  const { remove } = useWebhookMutations();
  return (
    <section
      aria-labelledby={headingId}
      className="space-y-4 rounded-lg border-2 border-red-300 bg-white p-5"
    >
      <h2 id={headingId} className="text-xl font-semibold text-slate-900">
        {t('webhooks.deleteDialog.title', { url: subscription.url })}
      </h2>
      <p className="max-w-prose text-slate-800">{t('webhooks.deleteDialog.explain')}</p>
      {remove.isError && <OperationError error={remove.error} />}
      <div className="flex flex-wrap gap-3">
        <button
          type="button"
          className={DANGER_BUTTON}
          disabled={remove.isPending}
          onClick={() => remove.mutate(subscription.id, { onSuccess: () => onDone(true) })}
        >
          {t('webhooks.deleteDialog.confirm')}
        </button>
        <button type="button" className={SECONDARY_BUTTON} onClick={() => onDone(false)}>
          {t('list.cancel')}
        </button>
      </div>
    </section>
  );
}
