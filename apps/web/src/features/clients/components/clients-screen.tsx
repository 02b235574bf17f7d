import { formatEnterpriseNumber } from '@ciao/domain';
import type { ClientView } from '@ciao/domain';
import { RequestErrorMessage } from '@ciao/front-common';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSignedIn } from '../../../app/session-context';
import {
  ACTIONS_CELL,
  ActiveFilter,
  ListResults,
  ListSearch,
  Notice,
  ROW_ACTION,
  ScreenHeader,
  useFormInUrl,
  useListState,
} from '../../../components/list';
import type { Column } from '../../../components/list';
import { PRIMARY_BUTTON } from '../../../components/text-field';
import { formatAddress } from '../../../lib/address-form-values';
import { useClient, useClientList } from '../hooks/use-clients';
import { ClientForm } from './client-form';
import { ClientSites } from './client-sites';

const clientSortFields = ['name', 'reference', 'createdAt'] as const;
type ClientSortField = (typeof clientSortFields)[number];

/** The clients ("Tiers") list and, for roles that edit clients, the creation and edit forms. */
export function ClientsScreen() {
  const { t } = useTranslation();
  const headingId = useId();
  const session = useSignedIn();
  const canWrite = session.capabilities.includes('clients.write');
  const canReadSites = session.capabilities.includes('sites.read');
  const list = useListState({ sortFields: clientSortFields, defaultSort: 'name', filters: ['active'] });
  const form = useFormInUrl();
  const [notice, setNotice] = useState<string>();
  const clients = useClientList(list.query);
  const editingId = canWrite ? form.editingId : undefined;
  const editing = useClient(editingId);
  const filtered = list.state.q !== '' || Object.values(list.state.filters).some(Boolean);

  const columns: Column<ClientView, ClientSortField>[] = [
    {
      id: 'name',
      header: t('clients.columns.name'),
      sortField: 'name',
      cell: (client) => client.name,
      className: 'px-3 py-2 font-medium',
    },
    {
      id: 'reference',
      header: t('clients.columns.reference'),
      sortField: 'reference',
      cell: (client) => client.reference ?? '—',
    },
    {
      id: 'enterpriseNumber',
      header: t('clients.columns.enterpriseNumber'),
      cell: (client) => (client.enterpriseNumber ? formatEnterpriseNumber(client.enterpriseNumber) : '—'),
      className: 'px-3 py-2 font-mono whitespace-nowrap',
    },
    {
      id: 'address',
      header: t('clients.columns.address'),
      cell: (client) => formatAddress(client.address, t('address.box')) || '—',
    },
    {
      id: 'sites',
      header: t('clients.columns.sites'),
      cell: (client) =>
        canReadSites ? (
          <Link
            className="font-semibold text-brand-700 underline"
            to={`/sites?clientId=${encodeURIComponent(client.id)}`}
          >
            {t('clients.siteCount', { count: client.siteCount })}
          </Link>
        ) : (
          t('clients.siteCount', { count: client.siteCount })
        ),
    },
    {
      id: 'active',
      header: t('clients.columns.status'),
      cell: (client) => (client.active ? t('clients.active') : t('clients.inactive')),
    },
    ...(canWrite
      ? [
          {
            id: 'actions',
            header: t('clients.columns.actions'),
            hiddenHeader: true,
            className: ACTIONS_CELL,
            cell: (client: ClientView) => (
              <button
                type="button"
                aria-label={t('clients.editLabel', { name: client.name })}
                className={ROW_ACTION}
                onClick={() => {
                  setNotice(undefined);
                  form.openEdit(client.id);
                }}
              >
                {t('list.edit')}
              </button>
            ),
          },
        ]
      : []),
  ];

  return (
    <div className="space-y-6">
      <ScreenHeader
        headingId={headingId}
        title={t('clients.title')}
        intro={canWrite ? t('clients.intro') : t('clients.introReadOnly')}
        action={
          <>
            {canWrite && !form.creating && (
              <button
                type="button"
                className={PRIMARY_BUTTON}
                onClick={() => {
                  setNotice(undefined);
                  form.openCreate();
                }}
              >
                {t('clients.newClient')}
              </button>
            )}
          </>
        }
      />

      <Notice message={notice} />

      {canWrite && form.creating && (
        <ClientForm
          onDone={(created) => {
            if (!created) return form.close();
            setNotice(t('clients.created', { name: created.name }));
            // The new client opens for editing: its sites are added from there.
            form.openEdit(created.id);
          }}
        />
      )}

      {editingId && editing.isError && (
        <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-red-900">
          <RequestErrorMessage error={editing.error} />
        </div>
      )}
      {editingId && editing.data?.id === editingId && (
        <div className="space-y-4">
          <ClientForm
            key={editing.data.id}
            client={editing.data}
            onDone={(saved) => {
              form.close();
              if (saved) setNotice(t('clients.saved', { name: saved.name }));
            }}
          />
          <ClientSites client={editing.data} />
        </div>
      )}

      <ListSearch value={list.state.q} onSearch={list.setSearch} hint={t('clients.searchHint')}>
        <ActiveFilter
          label={t('clients.filters.active')}
          value={list.state.filters.active}
          onChange={(value) => list.setFilter('active', value)}
        />
      </ListSearch>

      <ListResults
        query={clients}
        list={list}
        labelledBy={headingId}
        columns={columns}
        rowKey={(client) => client.id}
        empty={
          filtered ? t('clients.empty') : canWrite ? t('clients.emptyStart') : t('clients.emptyReadOnly')
        }
      />
    </div>
  );
}
