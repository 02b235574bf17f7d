import type { WebhookSubscriptionSummary } from '@ciao/domain';
import { formatDate, formatDateTime } from '@ciao/front-common';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ACTIONS_CELL,
  DataTable,
  EmptyState,
  ListStatus,
  Notice,
  ROW_ACTION,
  ScreenHeader,
} from '../../../components/list';
import type { Column } from '../../../components/list';
import { PRIMARY_BUTTON } from '../../../components/text-field';
import { OperationError } from '../../users/components/operation-error';
import { useWebhookList, useWebhookMutations } from '../hooks/use-webhooks';
import { CreateWebhookForm } from './create-webhook-form';
import { DeleteWebhook } from './delete-webhook';
import { NewWebhookSecret } from './new-webhook-secret';
import { WebhookDeliveries } from './webhook-deliveries';
import { WebhookStatusBadge } from './webhook-status-badge';

/** `/webhooks` (administrators): the URLs ciao tells of registrations, ONSS statuses, anomalies, agents. */
export function WebhooksScreen() {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const subscriptions = useWebhookList();
  const { update, sendTest } = useWebhookMutations();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<{ secret: string; subscription: WebhookSubscriptionSummary }>();
  const [deleting, setDeleting] = useState<WebhookSubscriptionSummary>();
  const [selectedId, setSelectedId] = useState<string>();
  const [notice, setNotice] = useState<string>();

  const items = subscriptions.data?.items ?? [];
  const selected = items.find((subscription) => subscription.id === selectedId);
  const failing = items.filter((subscription) => subscription.pausedReason === 'failing');

  const columns: Column<WebhookSubscriptionSummary, never>[] = [
    {
      id: 'url',
      header: t('webhooks.columns.url'),
      cell: (s) => (
        <div>
          <span className="font-mono break-all">{s.url}</span>
          {s.description && <p className="text-sm text-slate-600">{s.description}</p>}
        </div>
      ),
      className: 'px-3 py-2 font-medium',
    },
    {
      id: 'events',
      header: t('webhooks.columns.events'),
      cell: (s) => s.events.map((type) => t(`webhooks.events.${type}`)).join(', '),
    },
    {
      id: 'status',
      header: t('webhooks.columns.status'),
      cell: (s) => (
        <div className="space-y-1">
          <WebhookStatusBadge status={s.status} />
          {s.status === 'active' && s.failingSince && (
            <p className="text-sm text-amber-900">
              {t('webhooks.failingSince', { when: formatDateTime(s.failingSince, i18n.language) })}
            </p>
          )}
        </div>
      ),
    },
    {
      id: 'createdAt',
      header: t('webhooks.columns.createdAt'),
      cell: (s) => formatDate(s.createdAt, i18n.language),
    },
    {
      id: 'actions',
      header: t('webhooks.columns.actions'),
      hiddenHeader: true,
      className: ACTIONS_CELL,
      cell: (s) => (
        <div className="flex flex-wrap justify-end gap-2">
          <button
            type="button"
            className={ROW_ACTION}
            aria-pressed={s.id === selectedId}
            aria-label={t('webhooks.actions.logLabel', { url: s.url })}
            onClick={() => setSelectedId(s.id === selectedId ? undefined : s.id)}
          >
            {t('webhooks.actions.log')}
          </button>
          {s.status === 'active' && (
            <button
              type="button"
              className={ROW_ACTION}
              disabled={sendTest.isPending}
              aria-label={t('webhooks.actions.testLabel', { url: s.url })}
              onClick={() =>
                sendTest.mutate(s.id, {
                  onSuccess: () => {
                    setSelectedId(s.id);
                    setNotice(t('webhooks.testQueued'));
                  },
                })
              }
            >
              {t('webhooks.actions.test')}
            </button>
          )}
          <button
            type="button"
            className={ROW_ACTION}
            disabled={update.isPending}
            aria-label={t(
              s.status === 'active' ? 'webhooks.actions.pauseLabel' : 'webhooks.actions.resumeLabel',
              {
                url: s.url,
              },
            )}
            onClick={() =>
              update.mutate(
                { id: s.id, body: { active: s.status !== 'active' } },
                {
                  onSuccess: (after) =>
                    setNotice(
                      t(after.status === 'active' ? 'webhooks.resumed' : 'webhooks.paused', { url: s.url }),
                    ),
                },
              )
            }
          >
            {t(s.status === 'active' ? 'webhooks.actions.pause' : 'webhooks.actions.resume')}
          </button>
          <button
            type="button"
            className={ROW_ACTION}
            aria-label={t('webhooks.actions.deleteLabel', { url: s.url })}
            onClick={() => {
              setNotice(undefined);
              setDeleting(s);
            }}
          >
            {t('webhooks.actions.delete')}
          </button>
        </div>
      ),
    },
  ];

  return (
    <div className="space-y-6">
      <ScreenHeader
        title={t('webhooks.title')}
        intro={t('webhooks.intro')}
        action={
          !creating && (
            <button
              type="button"
              className={PRIMARY_BUTTON}
              onClick={() => {
                setCreating(true);
                setCreated(undefined);
                setNotice(undefined);
              }}
            >
              {t('webhooks.newSubscription')}
            </button>
          )
        }
      />

      {failing.map((subscription) => (
        <p
          key={subscription.id}
          role="alert"
          className="rounded-md border border-amber-400 bg-amber-50 p-3 text-amber-950"
        >
          {t('webhooks.pausedForFailing', {
            url: subscription.url,
            when: subscription.pausedAt ? formatDateTime(subscription.pausedAt, i18n.language) : '',
          })}
        </p>
      ))}
      <Notice message={notice} />
      {(update.isError || sendTest.isError) && <OperationError error={update.error ?? sendTest.error} />}
      {created && (
        <NewWebhookSecret
          url={created.subscription.url}
          secret={created.secret}
          onClose={() => setCreated(undefined)}
        />
      )}
      {creating && (
        <CreateWebhookForm
          onDone={(made) => {
            setCreating(false);
            if (made) {
              setCreated(made);
              setSelectedId(made.subscription.id);
            }
          }}
        />
      )}
      {deleting && (
        <DeleteWebhook
          subscription={deleting}
          onDone={(deleted) => {
            const url = deleting.url;
            setDeleting(undefined);
            if (deleted) {
              if (selectedId === deleting.id) setSelectedId(undefined);
              setNotice(t('webhooks.deleted', { url }));
            }
          }}
        />
      )}

      <ListStatus
        isPending={subscriptions.isPending}
        error={subscriptions.error}
        onRetry={() => void subscriptions.refetch()}
      />
      {subscriptions.data && (
        <section aria-labelledby={headingId} className="space-y-3">
          <h2 id={headingId} className="sr-only">
            {t('webhooks.title')}
          </h2>
          {items.length === 0 ? (
            <EmptyState>{t('webhooks.empty')}</EmptyState>
          ) : (
            <DataTable columns={columns} rows={items} rowKey={(s) => s.id} labelledBy={headingId} />
          )}
        </section>
      )}
      {selected && <WebhookDeliveries key={selected.id} subscription={selected} onNotice={setNotice} />}
    </div>
  );
}
