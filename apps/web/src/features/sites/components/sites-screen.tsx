import type { SiteView } from '@ciao/domain';
import { RequestErrorMessage } from '@ciao/front-common';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../../../app/session-context';
import {
  ACTIONS_CELL,
  DataTable,
  EmptyState,
  ListSearch,
  ListStatus,
  Notice,
  Pagination,
  ROW_ACTION,
  useFormInUrl,
  useListState,
} from '../../../components/list';
import type { Column } from '../../../components/list';
import { SelectField } from '../../../components/select-field';
import { PRIMARY_BUTTON } from '../../../components/text-field';
import { formatAddress } from '../../../lib/address-form-values';
import { useClientChoices, useSite, useSiteList } from '../hooks/use-sites';
import { SiteForm } from './site-form';

const siteSortFields = ['name', 'createdAt'] as const;
type SiteSortField = (typeof siteSortFields)[number];

/**
 * The sites list (search, client and active filters) and, for roles that edit sites, the creation
 * and edit forms; `?clientId=…&new=1` opens a new site for that client (the client's own link).
 */
export function SitesScreen() {
  const { t } = useTranslation();
  const headingId = useId();
  const session = useSignedIn();
  const canWrite = session.capabilities.includes('sites.write');
  const list = useListState({
    sortFields: siteSortFields,
    defaultSort: 'name',
    filters: ['clientId', 'active'],
  });
  const form = useFormInUrl();
  const [notice, setNotice] = useState<string>();
  const sites = useSiteList(list.query);
  const clients = useClientChoices();
  const editingId = canWrite ? form.editingId : undefined;
  const editing = useSite(editingId);
  const filtered = list.state.q !== '' || Object.values(list.state.filters).some(Boolean);
  const filteredClient = clients.data?.items.find((client) => client.id === list.state.filters.clientId);

  const columns: Column<SiteView, SiteSortField>[] = [
    {
      id: 'name',
      header: t('sites.columns.name'),
      sortField: 'name',
      cell: (site) => site.name,
      className: 'px-3 py-2 font-medium',
    },
    { id: 'client', header: t('sites.columns.client'), cell: (site) => site.clientName },
    {
      id: 'address',
      header: t('sites.columns.address'),
      cell: (site) => formatAddress(site.address, t('address.box')) || '—',
    },
    {
      id: 'geofence',
      header: t('sites.columns.geofence'),
      cell: (site) =>
        site.latitude === null
          ? t('sites.noCoordinates')
          : t('sites.radius', { meters: site.geofenceRadiusMeters }),
    },
    {
      id: 'workDeclarationNumber',
      header: t('sites.columns.workDeclarationNumber'),
      cell: (site) => site.workDeclarationNumber ?? '—',
      className: 'px-3 py-2 font-mono',
    },
    {
      id: 'onss',
      header: t('sites.columns.subjectToOnss'),
      cell: (site) => (site.subjectToOnss ? t('list.yes') : t('list.no')),
    },
    {
      id: 'active',
      header: t('sites.columns.status'),
      cell: (site) => (site.active ? t('sites.active') : t('sites.inactive')),
    },
    ...(canWrite
      ? [
          {
            id: 'actions',
            header: t('sites.columns.actions'),
            hiddenHeader: true,
            className: ACTIONS_CELL,
            cell: (site: SiteView) => (
              <button
                type="button"
                aria-label={t('sites.editLabel', { name: site.name })}
                className={ROW_ACTION}
                onClick={() => {
                  setNotice(undefined);
                  form.openEdit(site.id);
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
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 id={headingId} className="text-2xl font-bold text-slate-900 sm:text-3xl">
            {t('sites.title')}
          </h1>
          <p className="mt-2 max-w-prose text-slate-700">
            {canWrite ? t('sites.intro') : t('sites.introReadOnly')}
          </p>
        </div>
        {canWrite && !form.creating && (
          <button
            type="button"
            className={PRIMARY_BUTTON}
            onClick={() => {
              setNotice(undefined);
              form.openCreate();
            }}
          >
            {t('sites.newSite')}
          </button>
        )}
      </div>

      <Notice message={notice} />

      {canWrite && form.creating && (
        <SiteForm
          clientId={list.state.filters.clientId || undefined}
          onDone={(created) => {
            form.close();
            if (created) setNotice(t('sites.created', { name: created.name }));
          }}
        />
      )}

      {editingId && editing.isError && (
        <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-red-900">
          <RequestErrorMessage error={editing.error} />
        </div>
      )}
      {editingId && editing.data?.id === editingId && (
        <SiteForm
          key={editing.data.id}
          site={editing.data}
          onDone={(saved) => {
            form.close();
            if (saved) setNotice(t('sites.saved', { name: saved.name }));
          }}
        />
      )}

      <ListSearch value={list.state.q} onSearch={list.setSearch} hint={t('sites.searchHint')}>
        <SelectField
          label={t('sites.filters.client')}
          value={list.state.filters.clientId}
          onChange={(event) => list.setFilter('clientId', event.target.value)}
          options={[
            { value: '', label: t('sites.filters.allClients') },
            ...(clients.data?.items ?? []).map((client) => ({ value: client.id, label: client.name })),
          ]}
        />
        <SelectField
          label={t('sites.filters.active')}
          value={list.state.filters.active}
          onChange={(event) => list.setFilter('active', event.target.value)}
          options={[
            { value: '', label: t('list.all') },
            { value: 'true', label: t('list.active') },
            { value: 'false', label: t('list.inactive') },
          ]}
        />
      </ListSearch>

      <ListStatus isPending={sites.isPending} error={sites.error} onRetry={() => void sites.refetch()} />

      {sites.data && (
        <section aria-labelledby={headingId} className="space-y-3">
          <p className="text-sm text-slate-600">
            {filteredClient
              ? t('sites.totalOfClient', { count: sites.data.total, client: filteredClient.name })
              : t('list.total', { count: sites.data.total })}
          </p>
          {sites.data.items.length === 0 ? (
            <EmptyState>
              {filtered ? t('sites.empty') : canWrite ? t('sites.emptyStart') : t('sites.emptyReadOnly')}
            </EmptyState>
          ) : (
            <DataTable
              columns={columns}
              rows={sites.data.items}
              rowKey={(site) => site.id}
              sort={list.state.sort}
              order={list.state.order}
              onSort={list.toggleSort}
            />
          )}
          <Pagination
            page={list.state.page}
            pageSize={sites.data.pageSize}
            total={sites.data.total}
            onPage={list.setPage}
          />
        </section>
      )}
    </div>
  );
}
