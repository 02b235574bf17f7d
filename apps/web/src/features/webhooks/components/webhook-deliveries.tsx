import { webhookEventTypes } from '@ciao/domain';
import type { WebhookDeliverySummary, WebhookSubscriptionSummary } from '@ciao/domain';
import { formatDateTime } from '@ciao/front-common';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ACTIONS_CELL,
  DataTable,
  EmptyState,
  ListStatus,
  Pagination,
  ROW_ACTION,
} from '../../../components/list';
import type { Column } from '../../../components/list';
import { OperationError } from '../../users/components/operation-error';
import { useWebhookDeliveries, useWebhookMutations } from '../hooks/use-webhooks';
import { WebhookStatusBadge } from './webhook-status-badge';

const knownEvents = [...webhookEventTypes, 'webhook.test'] as const;
type KnownEvent = (typeof knownEvents)[number];
const isKnownEvent = (type: string): type is KnownEvent => (knownEvents as readonly string[]).includes(type);

/** The delivery log of one subscription, newest first, with a redelivery per line. */
export function WebhookDeliveries({
  subscription,
  onNotice,
}: {
  subscription: WebhookSubscriptionSummary;
  onNotice: (message: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const [page, setPage] = useState(1);
  const deliveries = useWebhookDeliveries(subscription.id, page);
  const { redeliver } = useWebhookMutations();
  const when = (instant: string | null) => (instant ? formatDateTime(instant, i18n.language) : '—');
  const eventLabel = (type: string): string => (isKnownEvent(type) ? t(`webhooks.events.${type}`) : type);

  const columns: Column<WebhookDeliverySummary, never>[] = [
    { id: 'createdAt', header: t('webhooks.log.columns.createdAt'), cell: (d) => when(d.createdAt) },
    {
      id: 'event',
      header: t('webhooks.log.columns.event'),
      cell: (d) => eventLabel(d.eventType),
      className: 'px-3 py-2 font-medium',
    },
    {
      id: 'status',
      header: t('webhooks.log.columns.status'),
      cell: (d) => <WebhookStatusBadge status={d.status} />,
    },
    { id: 'attempts', header: t('webhooks.log.columns.attempts'), cell: (d) => d.attempts },
    { id: 'code', header: t('webhooks.log.columns.code'), cell: (d) => d.lastStatusCode ?? '—' },
    {
      id: 'error',
      header: t('webhooks.log.columns.error'),
      cell: (d) => <span className="break-words">{d.lastError ?? '—'}</span>,
    },
    {
      id: 'duration',
      header: t('webhooks.log.columns.duration'),
      cell: (d) =>
        d.lastDurationMs === null ? '—' : t('webhooks.log.milliseconds', { count: d.lastDurationMs }),
    },
    { id: 'next', header: t('webhooks.log.columns.nextAttempt'), cell: (d) => when(d.nextAttemptAt) },
    {
      id: 'actions',
      header: t('webhooks.log.columns.actions'),
      hiddenHeader: true,
      className: ACTIONS_CELL,
      cell: (d) =>
        subscription.status === 'active' && (
          <button
            type="button"
            className={ROW_ACTION}
            disabled={redeliver.isPending}
            aria-label={t('webhooks.log.redeliverLabel', {
              event: eventLabel(d.eventType),
              when: when(d.createdAt),
            })}
            onClick={() =>
              redeliver.mutate(
                { subscriptionId: subscription.id, deliveryId: d.id },
                { onSuccess: () => onNotice(t('webhooks.log.redelivered')) },
              )
            }
          >
            {t('webhooks.log.redeliver')}
          </button>
        ),
    },
  ];

  return (
    <section aria-labelledby={headingId} className="space-y-3">
      <h2 id={headingId} className="text-xl font-semibold text-slate-900">
        {t('webhooks.log.title', { url: subscription.url })}
      </h2>
      {redeliver.isError && <OperationError error={redeliver.error} />}
      <ListStatus
        isPending={deliveries.isPending}
        error={deliveries.error}
        onRetry={() => void deliveries.refetch()}
      />
      {deliveries.data &&
        (deliveries.data.items.length === 0 ? (
          <EmptyState>{t('webhooks.log.empty')}</EmptyState>
        ) : (
          <>
            <DataTable
              columns={columns}
              rows={deliveries.data.items}
              rowKey={(d) => d.id}
              labelledBy={headingId}
            />
            <Pagination
              page={deliveries.data.page}
              pageSize={deliveries.data.pageSize}
              total={deliveries.data.total}
              onPage={setPage}
            />
          </>
        ))}
    </section>
  );
}
