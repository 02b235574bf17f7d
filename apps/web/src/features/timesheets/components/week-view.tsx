import type { TimesheetAgent } from '@ciao/domain';
import { formatDate } from '@ciao/front-common';
import { useTranslation } from 'react-i18next';
import { formatDuration, weekGrid } from '../timesheet-grid';

const CELL = 'px-2 py-2 text-center';

/** Agents × days: worked hours per cell (corrections marked ✎, planned below), totals per row and day. */
export function WeekView({
  items,
  days,
  onOpenDay,
  onOpenAgent,
}: {
  items: readonly TimesheetAgent[];
  days: readonly string[];
  onOpenDay: (agent: TimesheetAgent['agent'], date: string, plannedSeconds: number) => void;
  onOpenAgent: (agentId: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'fr';
  const grid = weekGrid(items, days);
  const dayLabel = (date: string) =>
    new Intl.DateTimeFormat(language, { weekday: 'short', day: 'numeric', timeZone: 'UTC' }).format(
      new Date(`${date}T12:00:00Z`),
    );
  return (
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="w-full text-sm" style={{ minWidth: '56rem' }}>
        <caption className="sr-only">{t('timesheets.week.caption')}</caption>
        <thead className="bg-slate-100 text-slate-700">
          <tr>
            <th scope="col" className="px-3 py-2 text-left">
              {t('timesheets.week.agent')}
            </th>
            {days.map((date) => (
              <th key={date} scope="col" className={CELL}>
                <abbr title={formatDate(`${date}T12:00:00Z`, language)} className="no-underline">
                  {dayLabel(date)}
                </abbr>
              </th>
            ))}
            <th scope="col" className={CELL}>
              {t('timesheets.week.total')}
            </th>
          </tr>
        </thead>
        <tbody>
          {grid.rows.map((row) => (
            <tr key={row.agent.id} className="border-t border-slate-200">
              <th scope="row" className="px-3 py-2 text-left font-medium">
                <button
                  type="button"
                  className="min-h-11 text-left text-brand-700 underline"
                  onClick={() => onOpenAgent(row.agent.id)}
                  aria-label={t('timesheets.week.monthOf', { agent: row.agent.name })}
                >
                  {row.agent.name}
                </button>
                <span className="block text-slate-600">{row.agent.identifier}</span>
              </th>
              {row.cells.map((cell, index) => {
                const date = days[index]!;
                if (!cell) {
                  return (
                    <td key={date} className={`${CELL} text-slate-400`}>
                      —
                    </td>
                  );
                }
                // The name is the visible text with its context for screen readers around it.
                return (
                  <td key={date} className={CELL}>
                    <button
                      type="button"
                      className={`min-h-11 min-w-16 rounded-md px-2 hover:bg-brand-50 ${
                        cell.corrected ? 'bg-amber-100 text-amber-950' : ''
                      }`}
                      onClick={() => onOpenDay(row.agent, date, cell.plannedSeconds)}
                    >
                      <span className="sr-only">
                        {t('timesheets.week.cellPrefix', {
                          agent: row.agent.name,
                          date: formatDate(`${date}T12:00:00Z`, language),
                        })}{' '}
                      </span>
                      <span className="block font-semibold">
                        {formatDuration(cell.workedSeconds)}
                        {cell.corrected && <span aria-hidden="true"> ✎</span>}
                        {cell.open && <span aria-hidden="true"> …</span>}
                      </span>
                      <span className="sr-only"> </span>
                      <span className="block text-xs text-slate-600">
                        {t('timesheets.week.plannedShort', { planned: formatDuration(cell.plannedSeconds) })}
                      </span>
                      {cell.corrected && <span className="sr-only"> — {t('timesheets.week.corrected')}</span>}
                      {cell.open && <span className="sr-only"> — {t('timesheets.week.open')}</span>}
                    </button>
                  </td>
                );
              })}
              <td className={`${CELL} font-semibold`}>
                {formatDuration(row.totals.workedSeconds)}
                <span className="block text-xs font-normal text-slate-600">
                  {t('timesheets.week.plannedShort', { planned: formatDuration(row.totals.plannedSeconds) })}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot className="border-t-2 border-slate-300 bg-slate-50">
          <tr>
            <th scope="row" className="px-3 py-2 text-left">
              {t('timesheets.week.dayTotal')}
            </th>
            {grid.dayTotals.map((total, index) => (
              <td key={days[index]} className={`${CELL} font-semibold`}>
                {formatDuration(total.workedSeconds)}
              </td>
            ))}
            <td className={`${CELL} font-bold`}>
              {formatDuration(grid.total.workedSeconds)}
              <span className="block text-xs font-normal text-slate-600">
                {t('timesheets.week.plannedShort', { planned: formatDuration(grid.total.plannedSeconds) })}
              </span>
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
