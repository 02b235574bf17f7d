import { onssFollowUpStatusSchema, onssRegistrationStatuses, type OnssRegistrationView } from '@ciao/domain';
import { formatDateTime } from '@ciao/front-common';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSignedIn } from '../../../app/session-context';
import {
  ACTIONS_CELL,
  DataTable,
  EmptyState,
  ListStatus,
  Pagination,
  ROW_ACTION,
  useListState,
} from '../../../components/list';
import type { Column } from '../../../components/list';
import { ExportMenu } from '../../../components/export-menu';
import { SearchCombobox } from '../../../components/search-combobox';
import { SelectField } from '../../../components/select-field';
import { SECONDARY_BUTTON, TextField } from '../../../components/text-field';
import { searchAgentOptions, searchSiteOptions } from '../api/onss-api';
import { useOnssList, useOnssSummary } from '../hooks/use-onss';
import { periodOfDays } from '../../../lib/brussels-day';
import { onssListQuery, onssViews, viewFixesStatus, type OnssView } from '../onss-views';
import { BulkActions } from './bulk-actions';
import { FollowUpEditor, FollowUpText } from './follow-up-editor';
import { OnssStatusBadge } from './onss-status-badge';
import { OnssSummaryCards } from './onss-summary-cards';

const VIEW_BUTTON =
  'inline-flex min-h-11 items-center rounded-full border px-4 font-semibold aria-pressed:border-brand-700 aria-pressed:bg-brand-700 aria-pressed:text-white border-slate-300 bg-white text-slate-800 hover:border-brand-700';

/**
 * The ONSS registrations: counts, the everyday views (refused, pending, late, needing attention),
 * filters, inline follow-up for the roles that may change it, and bulk actions on a selection.
 */
export function OnssRegistrationsTab() {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const { capabilities } = useSignedIn();
  const rights = {
    followUp: capabilities.includes('onssFollowUp.write'),
    resend: capabilities.includes('onssRegistrations.resend'),
    corrections: capabilities.includes('onssCorrections.write'),
  };
  const selectable = rights.followUp || rights.resend || rights.corrections;
  const list = useListState({
    sortFields: ['registrationTime'],
    defaultSort: 'registrationTime',
    defaultOrder: 'desc',
    filters: [
      'view',
      'status',
      'followUpStatus',
      'from',
      'to',
      'agentId',
      'agentLabel',
      'siteId',
      'siteLabel',
    ],
  });
  const { filters } = list.state;
  const query = useMemo(
    () => onssListQuery(filters, list.state.page, list.state.pageSize),
    [filters, list.state.page, list.state.pageSize],
  );
  const registrations = useOnssList(query);
  const summary = useOnssSummary(periodOfDays(filters.from, filters.to));
  const [editing, setEditing] = useState<string>();
  const queryKey = JSON.stringify(query);
  // A selection belongs to the rows on screen: another page or filter starts afresh.
  const [selection, setSelection] = useState<{ key: string; ids: ReadonlySet<string> }>();
  const selected: ReadonlySet<string> = selection?.key === queryKey ? selection.ids : new Set();
  const setSelected = (ids: ReadonlySet<string>) => setSelection({ key: queryKey, ids });
  const view: OnssView = (onssViews as readonly string[]).includes(filters.view)
    ? (filters.view as OnssView)
    : 'all';
  const rows = registrations.data?.items ?? [];
  const labelOf = (row: OnssRegistrationView) => ({
    agent: row.agent.name,
    direction: t(`onss.direction.${row.direction}`),
    time: formatDateTime(row.registrationTime, i18n.language),
  });
  const allSelected = rows.length > 0 && rows.every((row) => selected.has(row.id));

  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setSelected(next);
  };

  const columns: Column<OnssRegistrationView>[] = [
    ...(selectable
      ? [
          {
            id: 'select',
            header: (
              <input
                type="checkbox"
                className="size-5 accent-brand-700"
                aria-label={t('onss.selectAll')}
                checked={allSelected}
                onChange={() => setSelected(allSelected ? new Set() : new Set(rows.map((row) => row.id)))}
              />
            ),
            cell: (row: OnssRegistrationView) => (
              <input
                type="checkbox"
                className="size-5 accent-brand-700"
                aria-label={t('onss.selectOne', labelOf(row))}
                checked={selected.has(row.id)}
                onChange={() => toggle(row.id)}
              />
            ),
          },
        ]
      : []),
    {
      id: 'time',
      header: t('onss.columns.time'),
      cell: (row) => (
        <span className="whitespace-nowrap">
          {formatDateTime(row.registrationTime, i18n.language)}
          <br />
          <span className="text-slate-600">{t(`onss.direction.${row.direction}`)}</span>
        </span>
      ),
    },
    {
      id: 'agent',
      header: t('onss.columns.agent'),
      cell: (row) => (
        <>
          <span className="font-medium">{row.agent.name}</span>
          <br />
          <span className="text-slate-600">{row.agent.identifier}</span>
        </>
      ),
    },
    { id: 'site', header: t('onss.columns.site'), cell: (row) => row.site.name },
    {
      id: 'status',
      header: t('onss.columns.status'),
      cell: (row) => <OnssStatusBadge status={row.status} late={row.late} />,
    },
    {
      id: 'followUp',
      header: t('onss.columns.followUp'),
      cell: (row) =>
        editing === row.id ? (
          <FollowUpEditor registration={row} onDone={() => setEditing(undefined)} />
        ) : (
          <FollowUpText registration={row} />
        ),
    },
    {
      id: 'actions',
      header: t('onss.columns.actions'),
      hiddenHeader: true,
      className: ACTIONS_CELL,
      cell: (row) => (
        <>
          <Link
            to={`/onss/registrations/${row.id}`}
            className={`${ROW_ACTION} inline-flex items-center`}
            aria-label={t('onss.detailsOf', labelOf(row))}
          >
            {t('onss.details')}
          </Link>
          {rights.followUp && editing !== row.id && (
            <button
              type="button"
              className={ROW_ACTION}
              aria-label={t('onss.followUp.editRowLabel', labelOf(row))}
              onClick={() => setEditing(row.id)}
            >
              {t('onss.followUp.edit')}
            </button>
          )}
        </>
      ),
    },
  ];

  return (
    <div className="space-y-6">
      {summary.data && <OnssSummaryCards summary={summary.data} />}

      <div role="group" aria-label={t('onss.views.label')} className="flex flex-wrap gap-2">
        {onssViews.map((name) => (
          <button
            key={name}
            type="button"
            className={VIEW_BUTTON}
            aria-pressed={view === name}
            onClick={() => list.setFilter('view', name === 'all' ? '' : name)}
          >
            {t(`onss.views.${name}`)}
            {registrations.data && name === 'refused' && ` (${summary.data?.refused ?? 0})`}
            {registrations.data && name === 'attention' && ` (${summary.data?.needsAttention ?? 0})`}
            {registrations.data && name === 'late' && ` (${summary.data?.late ?? 0})`}
          </button>
        ))}
      </div>

      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        {!viewFixesStatus(view) && (
          <SelectField
            label={t('onss.columns.status')}
            value={filters.status}
            onChange={(event) => list.setFilter('status', event.target.value)}
            options={[
              { value: '', label: t('list.all') },
              ...onssRegistrationStatuses.map((value) => ({ value, label: t(`onss.status.${value}`) })),
            ]}
          />
        )}
        <SelectField
          label={t('onss.followUp.status')}
          value={filters.followUpStatus}
          onChange={(event) => list.setFilter('followUpStatus', event.target.value)}
          options={[
            { value: '', label: t('list.all') },
            ...onssFollowUpStatusSchema.options.map((value) => ({
              value,
              label: t(`onss.followUpStatus.${value}`),
            })),
          ]}
        />
        <TextField
          type="date"
          label={t('onss.filters.from')}
          value={filters.from}
          onChange={(event) => list.setFilter('from', event.target.value)}
        />
        <TextField
          type="date"
          label={t('onss.filters.to')}
          value={filters.to}
          onChange={(event) => list.setFilter('to', event.target.value)}
        />
      </div>

      <div className="grid gap-3 sm:grid-cols-2">
        <SearchCombobox
          label={t('onss.filters.agent')}
          queryKey={['onss', 'agent-filter']}
          search={searchAgentOptions}
          selectedLabel={filters.agentLabel}
          onPick={(agent) => list.setFilters({ agentId: agent.id, agentLabel: agent.label })}
          noResults={t('onss.filters.noAgent')}
          searching={t('list.loading')}
        />
        <SearchCombobox
          label={t('onss.filters.site')}
          queryKey={['onss', 'site-filter']}
          search={searchSiteOptions}
          selectedLabel={filters.siteLabel}
          onPick={(site) => list.setFilters({ siteId: site.id, siteLabel: site.label })}
          noResults={t('onss.filters.noSite')}
          searching={t('list.loading')}
        />
      </div>
      {(filters.agentId || filters.siteId) && (
        <button
          type="button"
          className={SECONDARY_BUTTON}
          onClick={() => list.setFilters({ agentId: '', agentLabel: '', siteId: '', siteLabel: '' })}
        >
          {t('onss.filters.clearAgentSite')}
        </button>
      )}

      {selectable && rows.length > 0 && (
        <BulkActions ids={[...selected]} rights={rights} onDone={() => setSelected(new Set())} />
      )}

      <ExportMenu
        filters={query}
        rowCount={registrations.data?.total}
        choices={[
          { kind: 'onss-registrations', format: 'csv' },
          { kind: 'onss-registrations', format: 'xlsx' },
          { kind: 'onss-registrations', format: 'pdf' },
        ]}
      />
      <ListStatus
        isPending={registrations.isPending}
        error={registrations.error}
        onRetry={() => void registrations.refetch()}
      />
      {registrations.data && (
        <section aria-labelledby={headingId} className="space-y-3">
          <h2 id={headingId} className="sr-only">
            {t('onss.tabs.registrations')}
          </h2>
          <p className="text-sm text-slate-600">{t('list.total', { count: registrations.data.total })}</p>
          {rows.length === 0 ? (
            <EmptyState>{t('onss.empty')}</EmptyState>
          ) : (
            <DataTable columns={columns} rows={rows} rowKey={(row) => row.id} minWidth="64rem" />
          )}
          <Pagination
            page={list.state.page}
            pageSize={registrations.data.pageSize}
            total={registrations.data.total}
            onPage={list.setPage}
          />
        </section>
      )}
      {!selectable && <p className="text-sm text-slate-600">{t('onss.readOnly')}</p>}
    </div>
  );
}
