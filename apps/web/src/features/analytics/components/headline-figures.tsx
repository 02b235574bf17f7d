import type { AnalyticsAnomalies, AnalyticsHours, AnalyticsOnssOnTime } from '@ciao/domain';
import { useTranslation } from 'react-i18next';
import { formatCount, formatHours, formatShare, weekDate } from '../analytics-format';
import { lastCompleteWeek } from '../analytics-period';

/** A few figures to read before the charts: the last whole week's hours, the ONSS share, the anomalies. */
export function HeadlineFigures({
  hours,
  onss,
  anomalies,
  today,
}: {
  hours: AnalyticsHours | undefined;
  onss: AnalyticsOnssOnTime | undefined;
  anomalies: AnalyticsAnomalies | undefined;
  today: string;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const weeks = hours?.weeks ?? [];
  const shown = lastCompleteWeek(weeks, today);
  const current = shown >= 0 ? hours?.totals[shown] : undefined;
  const previous = shown >= 1 ? hours?.totals[shown - 1] : undefined;
  const change =
    current === undefined || previous === undefined || previous === 0
      ? undefined
      : (current - previous) / previous;
  const figures = [
    {
      key: 'hours',
      label: weeks.length
        ? t('analytics.headline.weekHours', { week: weekDate(weeks.at(-1)!, language) })
        : '',
      value: current === undefined ? '–' : formatHours(current, language),
      note:
        change === undefined
          ? undefined
          : t('analytics.headline.change', {
              change: `${change >= 0 ? '+' : '−'}${formatShare(Math.abs(change), language)}`,
            }),
    },
    {
      key: 'periodHours',
      label: t('analytics.headline.periodHours'),
      value: hours
        ? formatHours(
            hours.totals.reduce((sum, value) => sum + value, 0),
            language,
          )
        : '–',
    },
    {
      key: 'onss',
      label: t('analytics.headline.onTime'),
      value: onss ? formatShare(onss.overall.share, language) : '–',
      note: onss
        ? t('analytics.headline.onTimeOf', { total: formatCount(onss.overall.total, language) })
        : undefined,
    },
    {
      key: 'anomalies',
      label: t('analytics.headline.anomalies'),
      value: anomalies
        ? formatCount(
            anomalies.weeks.reduce((sum, week) => sum + week.total, 0),
            language,
          )
        : '–',
    },
  ];
  return (
    <dl className="grid grid-cols-1 gap-3 sm:grid-cols-2 xl:grid-cols-4">
      {figures.map((figure) => (
        <div key={figure.key} className="rounded-lg border border-slate-200 bg-white p-4">
          <dt className="text-sm text-slate-700">{figure.label}</dt>
          <dd className="mt-1 text-2xl font-bold text-slate-900 tabular-nums">{figure.value}</dd>
          {figure.note && <dd className="text-sm text-slate-700">{figure.note}</dd>}
        </div>
      ))}
    </dl>
  );
}
