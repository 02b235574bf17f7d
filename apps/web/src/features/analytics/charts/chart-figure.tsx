import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Swatch } from './palette';

export interface ChartTable {
  columns: readonly string[];
  rows: readonly { label: string; cells: readonly string[] }[];
}

/**
 * A chart's frame: its heading and what it means, its legend, and its numbers as a table. The table
 * is always there for screen readers; a button shows it to whoever prefers numbers to shapes.
 */
export function ChartFigure({
  title,
  definition,
  legend,
  controls,
  table,
  empty,
  children,
}: {
  title: string;
  definition: ReactNode;
  legend?: readonly { key: string; label: string; style?: number; line?: boolean }[];
  controls?: ReactNode;
  table: ChartTable;
  /** Said instead of the chart when there is nothing to draw. */
  empty?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const tableId = useId();
  const [showTable, setShowTable] = useState(false);
  return (
    <section
      aria-labelledby={headingId}
      className="min-w-0 space-y-3 rounded-lg border border-slate-200 bg-white p-4"
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <h2 id={headingId} className="text-lg font-semibold text-slate-900">
            {title}
          </h2>
          <p className="mt-1 max-w-prose text-sm text-slate-700">{definition}</p>
        </div>
        <button
          type="button"
          aria-expanded={showTable}
          aria-controls={tableId}
          className="min-h-11 rounded-md border border-slate-400 bg-white px-3 text-sm font-medium text-slate-900 hover:bg-slate-50"
          onClick={() => setShowTable((shown) => !shown)}
        >
          {showTable ? t('analytics.hideTable') : t('analytics.showTable')}
        </button>
      </div>
      {controls}
      {empty ? <p className="rounded-md bg-slate-50 p-3 text-slate-700">{empty}</p> : children}
      {legend && legend.length > 0 && !empty && (
        <ul
          className="flex flex-wrap gap-x-4 gap-y-2 text-sm text-slate-800"
          aria-label={t('analytics.legend')}
        >
          {legend.map((entry) => (
            <li key={entry.key} className="flex items-center gap-2">
              {entry.line ? (
                <svg width="24" height="18" aria-hidden="true" className="shrink-0">
                  <line x1="0" x2="24" y1="9" y2="9" stroke="#0f172a" strokeWidth="2" strokeDasharray="6 3" />
                  <circle cx="12" cy="9" r="4" fill="white" stroke="#0f172a" strokeWidth="2" />
                </svg>
              ) : (
                <Swatch style={entry.style ?? 0} />
              )}
              <span>{entry.label}</span>
            </li>
          ))}
        </ul>
      )}
      <div id={tableId} className={showTable ? 'overflow-x-auto' : 'sr-only'}>
        <table className="w-full min-w-max border-collapse text-sm">
          <caption className="sr-only">{title}</caption>
          <thead>
            <tr>
              {table.columns.map((column, index) => (
                <th
                  key={column}
                  scope="col"
                  className={`border-b border-slate-300 px-2 py-1 text-slate-900 ${index === 0 ? 'text-left' : 'text-right'}`}
                >
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => (
              <tr key={row.label} className="border-b border-slate-100">
                <th scope="row" className="px-2 py-1 text-left font-medium text-slate-900">
                  {row.label}
                </th>
                {row.cells.map((cell, index) => (
                  <td key={index} className="px-2 py-1 text-right text-slate-800 tabular-nums">
                    {cell}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
