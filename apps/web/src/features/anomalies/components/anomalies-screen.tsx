import { anomalyStatuses, anomalyTypes, type AnomalyView } from '@ciao/domain';
import { formatDateTime } from '@ciao/front-common';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ExportMenu } from '../../../components/export-menu';
import { useSignedIn } from '../../../app/session-context';
import {
  ACTIONS_CELL,
  DataTable,
  EmptyState,
  ListStatus,
  Notice,
  Pagination,
  ROW_ACTION,
  useListState,
  ScreenHeader,
} from '../../../components/list';
import type { Column } from '../../../components/list';
import { SelectField } from '../../../components/select-field';
import { SECONDARY_BUTTON, TextField } from '../../../components/text-field';
import { periodOfDays } from '../../../lib/brussels-day';
import { anomalyDetailText } from '../anomaly-details';
import { useAnomalyList, useAnomalySummary } from '../hooks/use-anomalies';
import { AnomalyActionForm } from './anomaly-action-form';
import { AnomalySummaryPanel } from './anomaly-summary-panel';

const STATUS_STYLES = {
  open: 'border-red-300 bg-red-50 text-red-900',
  acknowledged: 'border-amber-300 bg-amber-50 text-amber-900',
  resolved: 'border-green-300 bg-green-50 text-green-900',
} as const;

/**
 * `/anomalies`: what needs a manager's look, counted by type, site and agent with a weekly trend;
 * the list with its filters; acknowledging and resolving (with a comment) for the roles allowed.
 */
export function AnomaliesScreen() {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const canManage = useSignedIn().capabilities.includes('anomalies.manage');
  const list = useListState({
    sortFields: ['openedAt'],
    defaultSort: 'openedAt',
    defaultOrder: 'desc',
    filters: ['status', 'type', 'agentId', 'siteId', 'from', 'to'],
  });
  const { filters } = list.state;
  const period = periodOfDays(filters.from, filters.to);
  const params: Record<string, string | number> = {
    page: list.state.page,
    pageSize: list.state.pageSize,
    ...period,
  };
  for (const name of ['status', 'type', 'agentId', 'siteId'] as const)
    if (filters[name]) params[name] = filters[name];
  const anomalies = useAnomalyList(params);
  const summary = useAnomalySummary(period);
  const [acting, setActing] = useState<{ id: string; action: 'acknowledge' | 'resolve' }>();
  const [notice, setNotice] = useState<string>();
  // The detail keys are built from the anomaly's type: checked by the catalogue test, not the compiler.
  const translate = (key: string, options?: Record<string, unknown>) =>
    String(i18n.t(key as 'anomalies.title', options as never));

  const columns: Column<AnomalyView>[] = [
    {
      id: 'type',
      header: t('anomalies.columns.type'),
      cell: (row) => (
        <>
          <span className="font-medium">{t(`anomalies.type.${row.type}`)}</span>
          <br />
          <span className="text-slate-700">{anomalyDetailText(translate, i18n.language, row)}</span>
        </>
      ),
    },
    {
      id: 'who',
      header: t('anomalies.columns.who'),
      cell: (row) => (
        <>
          {row.agent?.name ?? '—'}
          <br />
          <span className="text-slate-600">
            {[row.site?.name, row.task?.name].filter(Boolean).join(' · ')}
          </span>
        </>
      ),
    },
    {
      id: 'openedAt',
      header: t('anomalies.columns.openedAt'),
      cell: (row) => <span className="whitespace-nowrap">{formatDateTime(row.openedAt, i18n.language)}</span>,
    },
    {
      id: 'status',
      header: t('anomalies.columns.status'),
      cell: (row) => (
        <div className="space-y-1">
          <span
            className={`inline-block rounded-full border px-2 py-0.5 text-sm font-medium ${STATUS_STYLES[row.status]}`}
          >
            {t(`anomalies.status.${row.status}`)}
          </span>
          {row.resolvedAutomatically && (
            <p className="text-sm text-slate-600">{t('anomalies.resolvedAutomatically')}</p>
          )}
          {row.comment && (
            <p className="text-sm text-slate-700">{t('anomalies.commentIs', { comment: row.comment })}</p>
          )}
        </div>
      ),
    },
    {
      id: 'actions',
      header: t('anomalies.columns.actions'),
      hiddenHeader: true,
      className: ACTIONS_CELL,
      cell: (row) => {
        if (!canManage || row.status === 'resolved') return null;
        const label = (action: 'acknowledge' | 'resolve') =>
          t(`anomalies.actions.${action}Label`, {
            type: t(`anomalies.type.${row.type}`),
            agent: row.agent?.name ?? '—',
          });
        if (acting?.id === row.id)
          return (
            <AnomalyActionForm
              anomaly={row}
              action={acting.action}
              label={label(acting.action)}
              onDone={(done) => {
                setActing(undefined);
                if (done)
                  setNotice(t(acting.action === 'resolve' ? 'anomalies.resolved' : 'anomalies.acknowledged'));
              }}
            />
          );
        return (
          <>
            {row.status === 'open' && (
              <button
                type="button"
                className={ROW_ACTION}
                aria-label={label('acknowledge')}
                onClick={() => {
                  setNotice(undefined);
                  setActing({ id: row.id, action: 'acknowledge' });
                }}
              >
                {t('anomalies.actions.acknowledge')}
              </button>
            )}
            <button
              type="button"
              className={ROW_ACTION}
              aria-label={label('resolve')}
              onClick={() => {
                setNotice(undefined);
                setActing({ id: row.id, action: 'resolve' });
              }}
            >
              {t('anomalies.actions.resolve')}
            </button>
          </>
        );
      },
    },
  ];

  return (
    <div className="space-y-6">
      <ScreenHeader
        title={t('anomalies.title')}
        intro={canManage ? t('anomalies.intro') : t('anomalies.introReadOnly')}
      />

      {summary.data && (
        <AnomalySummaryPanel
          summary={summary.data}
          type={filters.type}
          siteId={filters.siteId}
          agentId={filters.agentId}
          onFilter={(name, value) => list.setFilter(name, value)}
        />
      )}

      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <SelectField
          label={t('anomalies.columns.status')}
          value={filters.status}
          onChange={(event) => list.setFilter('status', event.target.value)}
          options={[
            { value: '', label: t('list.all') },
            ...anomalyStatuses.map((value) => ({ value, label: t(`anomalies.status.${value}`) })),
          ]}
        />
        <SelectField
          label={t('anomalies.columns.type')}
          value={filters.type}
          onChange={(event) => list.setFilter('type', event.target.value)}
          options={[
            { value: '', label: t('list.all') },
            ...anomalyTypes.map((value) => ({ value, label: t(`anomalies.type.${value}`) })),
          ]}
        />
        <TextField
          type="date"
          label={t('anomalies.filters.from')}
          value={filters.from}
          onChange={(event) => list.setFilter('from', event.target.value)}
        />
        <TextField
          type="date"
          label={t('anomalies.filters.to')}
          value={filters.to}
          onChange={(event) => list.setFilter('to', event.target.value)}
        />
      </div>
      {(filters.siteId || filters.agentId) && (
        <div className="flex flex-wrap gap-2">
          {filters.siteId && (
            <button type="button" className={SECONDARY_BUTTON} onClick={() => list.setFilter('siteId', '')}>
              {t('anomalies.filters.clearSite')}
            </button>
          )}
          {filters.agentId && (
            <button type="button" className={SECONDARY_BUTTON} onClick={() => list.setFilter('agentId', '')}>
              {t('anomalies.filters.clearAgent')}
            </button>
          )}
        </div>
      )}

      <Notice message={notice} />
      <ExportMenu
        filters={params}
        rowCount={anomalies.data?.total}
        choices={[
          { kind: 'anomalies', format: 'csv' },
          { kind: 'anomalies', format: 'xlsx' },
          { kind: 'anomalies', format: 'pdf' },
        ]}
      />
      <ListStatus
        isPending={anomalies.isPending}
        error={anomalies.error}
        onRetry={() => void anomalies.refetch()}
      />
      {anomalies.data && (
        <section aria-labelledby={headingId} className="space-y-3">
          <h2 id={headingId} className="sr-only">
            {t('anomalies.listTitle')}
          </h2>
          <p className="text-sm text-slate-600">{t('list.total', { count: anomalies.data.total })}</p>
          {anomalies.data.items.length === 0 ? (
            <EmptyState>{t('anomalies.empty')}</EmptyState>
          ) : (
            <DataTable
              columns={columns}
              rows={anomalies.data.items}
              rowKey={(row) => row.id}
              minWidth="44rem"
            />
          )}
          <Pagination
            page={list.state.page}
            pageSize={anomalies.data.pageSize}
            total={anomalies.data.total}
            onPage={list.setPage}
          />
        </section>
      )}
    </div>
  );
}
