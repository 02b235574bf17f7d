import type { SiteView } from '@ciao/domain';
import { RequestErrorMessage } from '@ciao/front-common';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
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
      <ScreenHeader
        headingId={headingId}
        title={t('sites.title')}
        intro={canWrite ? t('sites.intro') : t('sites.introReadOnly')}
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
                {t('sites.newSite')}
              </button>
            )}
          </>
        }
      />

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
        <ActiveFilter
          label={t('sites.filters.active')}
          value={list.state.filters.active}
          onChange={(value) => list.setFilter('active', value)}
        />
      </ListSearch>

      <ListResults
        query={sites}
        list={list}
        labelledBy={headingId}
        columns={columns}
        rowKey={(site) => site.id}
        empty={filtered ? t('sites.empty') : canWrite ? t('sites.emptyStart') : t('sites.emptyReadOnly')}
        total={(count) =>
          filteredClient
            ? t('sites.totalOfClient', { count, client: filteredClient.name })
            : t('list.total', { count })
        }
      />
    </div>
  );
}
