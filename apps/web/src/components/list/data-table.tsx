import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface Column<Row, Sort extends string = string> {
  id: string;
  header: ReactNode;
  /** The server-side sort field this column sorts on, when it can be sorted. */
  sortField?: Sort;
  cell: (row: Row) => ReactNode;
  className?: string;
  /** A visually hidden header (an actions column). */
  hiddenHeader?: boolean;
}

const CELL = 'px-3 py-2';

/**
 * A list's table: sortable column headers (buttons with `aria-sort`, as screen readers expect)
 * and a horizontal scroll on narrow screens rather than a squashed table.
 */
export function DataTable<Row, Sort extends string>({
  columns,
  rows,
  rowKey,
  sort,
  order,
  onSort,
  minWidth = '48rem',
  labelledBy,
}: {
  columns: readonly Column<Row, Sort>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  sort?: Sort;
  order?: 'asc' | 'desc';
  onSort?: (field: Sort) => void;
  minWidth?: string;
  labelledBy?: string;
}) {
  const { t } = useTranslation();
  return (
    // Focusable, so that a keyboard can scroll a table wider than a phone even when no cell has a
    // button (a read-only list).
    <div
      tabIndex={0}
      className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm focus-visible:outline-2 focus-visible:outline-brand-700"
    >
      <table className="w-full text-left text-sm" style={{ minWidth }} aria-labelledby={labelledBy}>
        <thead className="bg-slate-100 text-slate-700">
          <tr>
            {columns.map((column) => {
              const sorted = column.sortField !== undefined && column.sortField === sort;
              const ariaSort = sorted ? (order === 'desc' ? 'descending' : 'ascending') : undefined;
              return (
                <th key={column.id} scope="col" className={CELL} aria-sort={ariaSort}>
                  {column.hiddenHeader ? (
                    <span className="sr-only">{column.header}</span>
                  ) : column.sortField !== undefined && onSort ? (
                    <button
                      type="button"
                      className="inline-flex min-h-11 items-center gap-1 font-semibold hover:underline"
                      onClick={() => onSort(column.sortField as Sort)}
                      title={t('list.sortBy')}
                    >
                      {column.header}
                      <span aria-hidden="true" className="text-xs">
                        {sorted ? (order === 'desc' ? '▼' : '▲') : '↕'}
                      </span>
                    </button>
                  ) : (
                    column.header
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} className="border-t border-slate-200">
              {columns.map((column) => (
                <td key={column.id} className={column.className ?? CELL}>
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The link-styled button of a row action ("Edit"), big enough for a finger. */
export const ROW_ACTION = 'min-h-11 rounded-md px-3 font-semibold text-brand-700 underline hover:bg-brand-50';
/** The cell of a row's actions column. */
export const ACTIONS_CELL = 'px-3 py-1 text-right whitespace-nowrap';
