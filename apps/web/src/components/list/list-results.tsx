import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from './data-table';
import type { Column } from './data-table';
import { Pagination } from './pagination';
import { EmptyState, ListStatus } from './list-status';

/** What a list query gives: the shape of every page the API answers (`pageOf` in the contracts). */
interface PageQuery<Row> {
  isPending: boolean;
  error: unknown;
  refetch: () => unknown;
  data?: { items: readonly Row[]; total: number; pageSize: number } | undefined;
}

/**
 * The body of a list screen: loading and failure (with a retry), the number of results, the table
 * or what an empty list says, and the pages.
 */
export function ListResults<Row, Sort extends string>({
  query,
  list,
  labelledBy,
  columns,
  rowKey,
  empty,
  total,
  minWidth,
  hiddenTitle,
}: {
  query: PageQuery<Row>;
  list: {
    state: { page: number; sort: Sort; order: 'asc' | 'desc' };
    setPage: (page: number) => void;
    toggleSort: (field: Sort) => void;
  };
  labelledBy: string;
  columns: readonly Column<Row, Sort>[];
  rowKey: (row: Row) => string;
  /** What the list says when it has no row (nothing matches, or nothing yet and how to start). */
  empty: ReactNode;
  /** The count line; "N results" by default. */
  total?: (count: number) => string;
  minWidth?: string;
  /** A heading for screen readers only, when the page's visible heading does not name the list. */
  hiddenTitle?: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <ListStatus isPending={query.isPending} error={query.error} onRetry={() => void query.refetch()} />
      {query.data && (
        <section aria-labelledby={labelledBy} className="space-y-3">
          {hiddenTitle && (
            <h2 id={labelledBy} className="sr-only">
              {hiddenTitle}
            </h2>
          )}
          <p className="text-sm text-slate-600">
            {total ? total(query.data.total) : t('list.total', { count: query.data.total })}
          </p>
          {query.data.items.length === 0 ? (
            <EmptyState>{empty}</EmptyState>
          ) : (
            <DataTable
              columns={columns}
              rows={query.data.items}
              rowKey={rowKey}
              sort={list.state.sort}
              order={list.state.order}
              onSort={list.toggleSort}
              minWidth={minWidth}
            />
          )}
          <Pagination
            page={list.state.page}
            pageSize={query.data.pageSize}
            total={query.data.total}
            onPage={list.setPage}
          />
        </section>
      )}
    </>
  );
}
