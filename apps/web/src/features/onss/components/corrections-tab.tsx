import type { z } from 'zod';
import type { correctionRequestSummary } from '@ciao/domain';
import { formatDate, formatDateTime } from '@ciao/front-common';
import { useId } from 'react';
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
import { useCorrectionList } from '../hooks/use-onss';
import { DeadlineText } from './deadline-text';

type CorrectionSummary = z.output<typeof correctionRequestSummary>;

/** The company's ONSS correction requests with their first deadline, the most recent first. */
export function CorrectionsTab() {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const canWrite = useSignedIn().capabilities.includes('onssCorrections.write');
  const list = useListState({ sortFields: ['createdAt'], defaultSort: 'createdAt', defaultOrder: 'desc' });
  const corrections = useCorrectionList({ page: list.state.page, pageSize: list.state.pageSize });

  const columns: Column<CorrectionSummary>[] = [
    {
      id: 'reference',
      header: t('onss.corrections.reference'),
      cell: (row) => <span className="font-mono font-medium">{row.reference}</span>,
    },
    { id: 'reason', header: t('onss.corrections.reason'), cell: (row) => row.reason },
    { id: 'items', header: t('onss.corrections.items'), cell: (row) => row.itemCount },
    {
      id: 'deadline',
      header: t('onss.corrections.deadline'),
      cell: (row) =>
        row.firstDeadline ? (
          <>
            {formatDate(`${row.firstDeadline}T12:00:00Z`, i18n.language)}
            <br />
            <DeadlineText deadline={row.firstDeadline} />
          </>
        ) : (
          '—'
        ),
    },
    {
      id: 'createdAt',
      header: t('onss.corrections.createdAt'),
      cell: (row) => formatDateTime(row.createdAt, i18n.language),
    },
    {
      id: 'actions',
      header: t('onss.columns.actions'),
      hiddenHeader: true,
      className: ACTIONS_CELL,
      cell: (row) => (
        <Link
          to={`/onss/corrections/${row.id}`}
          className={`${ROW_ACTION} inline-flex items-center`}
          aria-label={t('onss.corrections.openLabel', { reference: row.reference })}
        >
          {t('onss.details')}
        </Link>
      ),
    },
  ];

  return (
    <div className="space-y-6">
      <p className="max-w-prose text-slate-700">
        {canWrite ? t('onss.corrections.intro') : t('onss.corrections.introReadOnly')}
      </p>
      <ListStatus
        isPending={corrections.isPending}
        error={corrections.error}
        onRetry={() => void corrections.refetch()}
      />
      {corrections.data && (
        <section aria-labelledby={headingId} className="space-y-3">
          <h2 id={headingId} className="sr-only">
            {t('onss.tabs.corrections')}
          </h2>
          <p className="text-sm text-slate-600">{t('list.total', { count: corrections.data.total })}</p>
          {corrections.data.items.length === 0 ? (
            <EmptyState>{t('onss.corrections.empty')}</EmptyState>
          ) : (
            <DataTable columns={columns} rows={corrections.data.items} rowKey={(row) => row.id} />
          )}
          <Pagination
            page={list.state.page}
            pageSize={corrections.data.pageSize}
            total={corrections.data.total}
            onPage={list.setPage}
          />
        </section>
      )}
    </div>
  );
}
