import type { TimesheetAgent } from '@ciao/domain';
import { formatDate, formatTime } from '@ciao/front-common';
import { useTranslation } from 'react-i18next';
import { ROW_ACTION } from '../../../components/list';
import { formatDuration } from '../timesheet-grid';

const CELL = 'px-3 py-2';

/** One agent's month, a row per day: arrival, departure, breaks, worked, planned and the difference. */
export function MonthView({
  sheet,
  days,
  onOpenDay,
}: {
  sheet: TimesheetAgent | undefined;
  days: readonly string[];
  onOpenDay: (date: string, plannedSeconds: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'fr';
  const byDate = new Map((sheet?.days ?? []).map((day) => [day.date, day]));
  const totals = sheet?.totals ?? { workedSeconds: 0, breakSeconds: 0, plannedSeconds: 0 };
  return (
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="w-full text-left text-sm" style={{ minWidth: '48rem' }}>
        <caption className="sr-only">{t('timesheets.month.caption')}</caption>
        <thead className="bg-slate-100 text-slate-700">
          <tr>
            {(['date', 'arrival', 'departure', 'breaks', 'worked', 'planned', 'difference'] as const).map(
              (column) => (
                <th key={column} scope="col" className={CELL}>
                  {t(`timesheets.month.${column}`)}
                </th>
              ),
            )}
            <th scope="col" className={CELL}>
              <span className="sr-only">{t('timesheets.month.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {days.map((date) => {
            const day = byDate.get(date);
            const dateText = formatDate(`${date}T12:00:00Z`, language);
            return (
              <tr key={date} className={`border-t border-slate-200 ${day?.corrected ? 'bg-amber-50' : ''}`}>
                <th scope="row" className={`${CELL} font-medium whitespace-nowrap`}>
                  {dateText}
                  {day?.corrected && (
                    <span className="ml-2 rounded bg-amber-100 px-1 text-amber-950">
                      ✎ {t('timesheets.week.corrected')}
                    </span>
                  )}
                </th>
                <td className={CELL}>{day?.firstArrival ? formatTime(day.firstArrival, language) : '—'}</td>
                <td className={CELL}>
                  {day?.lastDeparture
                    ? formatTime(day.lastDeparture, language)
                    : day?.open
                      ? t('timesheets.day.open')
                      : '—'}
                </td>
                <td className={CELL}>
                  {day && day.breakCount > 0
                    ? t('timesheets.month.breakText', {
                        count: day.breakCount,
                        duration: formatDuration(day.breakSeconds),
                      })
                    : '—'}
                </td>
                <td className={`${CELL} font-semibold`}>{day ? formatDuration(day.workedSeconds) : '—'}</td>
                <td className={CELL}>{day ? formatDuration(day.plannedSeconds) : '—'}</td>
                <td className={CELL}>
                  {day ? formatDuration(day.workedSeconds - day.plannedSeconds, { signed: true }) : '—'}
                </td>
                <td className={`${CELL} text-right`}>
                  {day && (
                    <button
                      type="button"
                      className={ROW_ACTION}
                      aria-label={t('timesheets.month.openLabel', { date: dateText })}
                      onClick={() => onOpenDay(date, day.plannedSeconds)}
                    >
                      {t('timesheets.month.open')}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
        <tfoot className="border-t-2 border-slate-300 bg-slate-50 font-semibold">
          <tr>
            <th scope="row" className={CELL}>
              {t('timesheets.month.total')}
            </th>
            <td className={CELL} />
            <td className={CELL} />
            <td className={CELL}>{formatDuration(totals.breakSeconds)}</td>
            <td className={CELL}>{formatDuration(totals.workedSeconds)}</td>
            <td className={CELL}>{formatDuration(totals.plannedSeconds)}</td>
            <td className={CELL}>
              {formatDuration(totals.workedSeconds - totals.plannedSeconds, { signed: true })}
            </td>
            <td className={CELL} />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
