import { onssRegistrationStatuses, type RegistrationView } from '@ciao/domain';
import { formatDateTime, RequestErrorMessage } from '@ciao/front-common';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import {
  ACTIONS_CELL,
  DataTable,
  EmptyState,
  ListSearch,
  ListStatus,
  Pagination,
  ROW_ACTION,
  useListState,
  ScreenHeader,
} from '../../../components/list';
import type { Column } from '../../../components/list';
import { ExportMenu } from '../../../components/export-menu';
import { SelectField } from '../../../components/select-field';
import { TextField } from '../../../components/text-field';
import { addDays, brusselsDate } from '../../../lib/local-dates';
import { useFilterChoices, useRegistration, useRegistrationList } from '../hooks/use-registrations';
import { flagFilters, formatDistance, registrationQuery } from '../registration-format';
import { RegistrationDetail } from './registration-detail';

const sortFields = ['deviceTime', 'receivedAt'] as const;
type SortField = (typeof sortFields)[number];
const filterNames = [
  'from',
  'to',
  'siteId',
  'clientId',
  'taskId',
  'groupId',
  'onssStatus',
  'flag',
  'anomaly',
] as const;

/** The registrations ("pointages"): filters, a server-paged list, and one registration's detail. */
/** The rows an export of the list would hold: unknown while loading, unbounded past the count's cap. */
function exportRowCount(data: { total: number; totalCapped?: boolean } | undefined): number | undefined {
  if (!data) return undefined;
  return data.totalCapped ? Infinity : data.total;
}

export function RegistrationsScreen() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'fr';
  const headingId = useId();
  const list = useListState({
    sortFields,
    defaultSort: 'deviceTime',
    defaultOrder: 'desc',
    filters: filterNames,
    pageSize: 25,
  });
  const [searchParams, setSearchParams] = useSearchParams();
  const openId = searchParams.get('registration') ?? undefined;
  const today = brusselsDate(new Date());
  const defaultPeriod = useMemo(() => ({ from: addDays(today, -6), to: today }), [today]);
  const query = useMemo(() => registrationQuery(list.query, defaultPeriod), [list.query, defaultPeriod]);
  const registrations = useRegistrationList(query);
  const opened = useRegistration(openId);
  const choices = useFilterChoices();
  const all = { value: '', label: t('list.all') };

  const open = (id: string | undefined) =>
    setSearchParams((current) => {
      const next = new URLSearchParams(current);
      if (id) next.set('registration', id);
      else next.delete('registration');
      return next;
    });

  const columns: Column<RegistrationView, SortField>[] = [
    {
      id: 'deviceTime',
      header: t('registrations.columns.deviceTime'),
      sortField: 'deviceTime',
      cell: (row) => formatDateTime(row.deviceTime, language),
      className: 'px-3 py-2 whitespace-nowrap',
    },
    {
      id: 'agent',
      header: t('registrations.columns.agent'),
      cell: (row) => (
        <>
          <span className="block font-medium">{row.agent.name}</span>
          <span className="block text-slate-600">{row.agent.identifier}</span>
        </>
      ),
    },
    {
      id: 'action',
      header: t('registrations.columns.action'),
      cell: (row) => t(`registrations.actions.${row.action}`),
    },
    {
      id: 'place',
      header: t('registrations.columns.place'),
      cell: (row) => (
        <>
          <span className="block">{row.site.name}</span>
          <span className="block text-slate-600">
            {row.client.name} · {row.task.name}
          </span>
        </>
      ),
    },
    {
      id: 'geofence',
      header: t('registrations.columns.geofence'),
      cell: (row) =>
        row.distanceMeters === null
          ? '—'
          : `${formatDistance(row.distanceMeters, language)} · ${
              row.insideGeofence ? t('registrations.detail.inside') : t('registrations.detail.outside')
            }`,
    },
    {
      id: 'flags',
      header: t('registrations.columns.flags'),
      cell: (row) =>
        [
          ...row.flags.map((flag) => t(`registrations.flags.${flag}`, { defaultValue: flag })),
          ...(row.capturedOffline ? [t('registrations.detail.offline')] : []),
        ].join(', ') || '—',
    },
    {
      id: 'onss',
      header: t('registrations.columns.onss'),
      cell: (row) => (row.onssStatus ? t(`registrations.onssStatus.${row.onssStatus}`) : '—'),
    },
    {
      id: 'anomalies',
      header: t('registrations.columns.anomalies'),
      cell: (row) => row.openAnomalies || '—',
    },
    {
      id: 'receivedAt',
      header: t('registrations.columns.receivedAt'),
      sortField: 'receivedAt',
      cell: (row) => formatDateTime(row.receivedAt, language),
      className: 'px-3 py-2 whitespace-nowrap',
    },
    {
      id: 'actions',
      header: t('registrations.columns.actions'),
      hiddenHeader: true,
      className: ACTIONS_CELL,
      cell: (row) => (
        <button
          type="button"
          className={ROW_ACTION}
          aria-label={t('registrations.openLabel', {
            agent: row.agent.name,
            time: formatDateTime(row.deviceTime, language),
          })}
          onClick={() => open(row.id)}
        >
          {t('registrations.open')}
        </button>
      ),
    },
  ];

  return (
    <div className="space-y-6">
      <ScreenHeader headingId={headingId} title={t('registrations.title')} intro={t('registrations.intro')} />

      <ExportMenu
        filters={query}
        rowCount={exportRowCount(registrations.data)}
        choices={[
          { kind: 'registrations', format: 'csv' },
          { kind: 'registrations', format: 'xlsx' },
          { kind: 'registrations', format: 'pdf' },
        ]}
      />

      {openId && opened.isError && (
        <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-red-900">
          <RequestErrorMessage error={opened.error} />
        </div>
      )}
      {openId && opened.data?.id === openId && (
        <RegistrationDetail key={openId} registration={opened.data} onClose={() => open(undefined)} />
      )}

      <ListSearch value={list.state.q} onSearch={list.setSearch} hint={t('registrations.searchHint')}>
        <TextField
          type="date"
          label={t('registrations.filters.from')}
          value={list.state.filters.from || defaultPeriod.from}
          onChange={(event) => list.setFilter('from', event.target.value)}
        />
        <TextField
          type="date"
          label={t('registrations.filters.to')}
          value={list.state.filters.to || defaultPeriod.to}
          onChange={(event) => list.setFilter('to', event.target.value)}
        />
        <SelectField
          label={t('registrations.filters.client')}
          value={list.state.filters.clientId}
          onChange={(event) => list.setFilter('clientId', event.target.value)}
          options={[all, ...(choices.clients.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))]}
        />
        <SelectField
          label={t('registrations.filters.site')}
          value={list.state.filters.siteId}
          onChange={(event) => list.setFilter('siteId', event.target.value)}
          options={[all, ...(choices.sites.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))]}
        />
        <SelectField
          label={t('registrations.filters.task')}
          value={list.state.filters.taskId}
          onChange={(event) => list.setFilter('taskId', event.target.value)}
          options={[
            all,
            ...(choices.tasks.data?.items ?? []).map((task) => ({
              value: task.id,
              label: `${task.name} (${task.siteName})`,
            })),
          ]}
        />
        <SelectField
          label={t('registrations.filters.group')}
          value={list.state.filters.groupId}
          onChange={(event) => list.setFilter('groupId', event.target.value)}
          options={[all, ...(choices.groups.data?.items ?? []).map((g) => ({ value: g.id, label: g.name }))]}
        />
        <SelectField
          label={t('registrations.filters.onssStatus')}
          value={list.state.filters.onssStatus}
          onChange={(event) => list.setFilter('onssStatus', event.target.value)}
          options={[
            all,
            ...onssRegistrationStatuses.map((status) => ({
              value: status,
              label: t(`registrations.onssStatus.${status}`),
            })),
          ]}
        />
        <SelectField
          label={t('registrations.filters.flag')}
          value={list.state.filters.flag}
          onChange={(event) => list.setFilter('flag', event.target.value)}
          options={[
            all,
            ...flagFilters.map((flag) => ({ value: flag, label: t(`registrations.flagFilters.${flag}`) })),
          ]}
        />
        <SelectField
          label={t('registrations.filters.anomaly')}
          value={list.state.filters.anomaly}
          onChange={(event) => list.setFilter('anomaly', event.target.value)}
          options={[
            all,
            { value: 'true', label: t('registrations.filters.withAnomaly') },
            { value: 'false', label: t('registrations.filters.withoutAnomaly') },
          ]}
        />
      </ListSearch>

      <ListStatus
        isPending={registrations.isPending}
        error={registrations.error}
        onRetry={() => void registrations.refetch()}
      />

      {registrations.data && (
        <section aria-labelledby={headingId} className="space-y-3">
          <p className="text-sm text-slate-600" aria-live="polite">
            {registrations.data.totalCapped
              ? t('registrations.totalCapped', { count: registrations.data.total })
              : t('registrations.total', { count: registrations.data.total })}
          </p>
          {registrations.data.items.length === 0 ? (
            <EmptyState>{t('registrations.empty')}</EmptyState>
          ) : (
            <DataTable
              columns={columns}
              rows={registrations.data.items}
              rowKey={(row) => row.id}
              sort={list.state.sort}
              order={list.state.order}
              onSort={list.toggleSort}
              minWidth="72rem"
              labelledBy={headingId}
            />
          )}
          <Pagination
            page={list.state.page}
            pageSize={registrations.data.pageSize}
            total={registrations.data.total}
            onPage={list.setPage}
          />
        </section>
      )}
    </div>
  );
}
