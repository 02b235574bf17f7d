import type { ApiKeySummary } from '@ciao/domain';
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
import { ApiKeyStatusBadge } from './api-key-status-badge';
import { useApiKeyList } from '../hooks/use-api-keys';
import { CreateApiKeyForm } from './create-api-key-form';
import { NewApiKey } from './new-api-key';
import { RevokeApiKey } from './revoke-api-key';

/** `/api-keys` (administrators): the keys that let the company's other systems use the public API. */
export function ApiKeysScreen() {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const keys = useApiKeyList();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<{ key: string; apiKey: ApiKeySummary }>();
  const [revoking, setRevoking] = useState<ApiKeySummary>();
  const [notice, setNotice] = useState<string>();

  const columns: Column<ApiKeySummary, never>[] = [
    {
      id: 'name',
      header: t('apiKeys.columns.name'),
      cell: (key) => key.name,
      className: 'px-3 py-2 font-medium',
    },
    {
      id: 'prefix',
      header: t('apiKeys.columns.prefix'),
      cell: (key) => <span className="font-mono">{`ciao_${key.prefix}_…`}</span>,
    },
    {
      id: 'scopes',
      header: t('apiKeys.columns.scopes'),
      cell: (key) => (key.scopes.includes('write') ? t('apiKeys.scopes.write') : t('apiKeys.scopes.read')),
    },
    {
      id: 'status',
      header: t('apiKeys.columns.status'),
      cell: (key) => <ApiKeyStatusBadge status={key.status} />,
    },
    {
      id: 'lastUsedAt',
      header: t('apiKeys.columns.lastUsedAt'),
      cell: (key) =>
        key.lastUsedAt ? formatDateTime(key.lastUsedAt, i18n.language) : t('apiKeys.neverUsed'),
    },
    {
      id: 'expiresAt',
      header: t('apiKeys.columns.expiresAt'),
      cell: (key) => (key.expiresAt ? formatDateTime(key.expiresAt, i18n.language) : t('apiKeys.noExpiry')),
    },
    {
      id: 'createdAt',
      header: t('apiKeys.columns.createdAt'),
      cell: (key) => formatDate(key.createdAt, i18n.language),
    },
    {
      id: 'actions',
      header: t('apiKeys.columns.actions'),
      hiddenHeader: true,
      className: ACTIONS_CELL,
      cell: (key) =>
        key.status !== 'revoked' && (
          <button
            type="button"
            className={ROW_ACTION}
            aria-label={t('apiKeys.revokeLabel', { name: key.name })}
            onClick={() => {
              setNotice(undefined);
              setRevoking(key);
            }}
          >
            {t('apiKeys.revoke')}
          </button>
        ),
    },
  ];

  return (
    <div className="space-y-6">
      <ScreenHeader
        title={t('apiKeys.title')}
        intro={t('apiKeys.intro')}
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
              {t('apiKeys.newApiKey')}
            </button>
          )
        }
      />

      <Notice message={notice} />
      {created && (
        <NewApiKey apiKey={created.apiKey} secret={created.key} onClose={() => setCreated(undefined)} />
      )}
      {creating && (
        <CreateApiKeyForm
          onDone={(made) => {
            setCreating(false);
            if (made) setCreated(made);
          }}
        />
      )}
      {revoking && (
        <RevokeApiKey
          apiKey={revoking}
          onDone={(revoked) => {
            const name = revoking.name;
            setRevoking(undefined);
            if (revoked) setNotice(t('apiKeys.revoked', { name }));
          }}
        />
      )}

      <ListStatus isPending={keys.isPending} error={keys.error} onRetry={() => void keys.refetch()} />
      {keys.data && (
        <section aria-labelledby={headingId} className="space-y-3">
          <h2 id={headingId} className="sr-only">
            {t('apiKeys.title')}
          </h2>
          {keys.data.items.length === 0 ? (
            <EmptyState>{t('apiKeys.empty')}</EmptyState>
          ) : (
            <DataTable
              columns={columns}
              rows={keys.data.items}
              rowKey={(key) => key.id}
              labelledBy={headingId}
            />
          )}
        </section>
      )}
    </div>
  );
}
