import type { AnomalySummary } from '@ciao/domain';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { brusselsDate } from '../../../lib/brussels-day';
import { weeklyTrend } from '../weekly-trend';

const CHOICE =
  'flex min-h-11 w-full items-center justify-between gap-3 rounded-md px-2 text-left hover:bg-brand-50 aria-pressed:bg-brand-100 aria-pressed:font-semibold';

/**
 * What is still to handle, by type, site and agent (each a shortcut to the list filtered on it),
 * and how many anomalies opened each week: a habit forming shows before it becomes a problem.
 */
export function AnomalySummaryPanel({
  summary,
  type,
  siteId,
  agentId,
  onFilter,
}: {
  summary: AnomalySummary;
  type: string;
  siteId: string;
  agentId: string;
  onFilter: (name: 'type' | 'siteId' | 'agentId', value: string) => void;
}) {
  const { t } = useTranslation();
  const trendId = useId();
  const weeks = weeklyTrend(
    summary.weekly,
    brusselsDate(summary.from),
    brusselsDate(summary.to),
    type || undefined,
  );
  const highest = Math.max(1, ...weeks.map((week) => week.count));
  const box = 'space-y-2 rounded-lg border border-slate-200 bg-white p-4 shadow-sm';

  return (
    <div className="grid gap-4 lg:grid-cols-4">
      <section className={box} aria-labelledby={`${trendId}-types`}>
        <h2 id={`${trendId}-types`} className="font-semibold">
          {t('anomalies.summary.byType', { count: summary.unresolved.total })}
        </h2>
        {summary.unresolved.byType.length === 0 ? (
          <p className="text-slate-700">{t('anomalies.summary.noneOpen')}</p>
        ) : (
          <ul>
            {summary.unresolved.byType.map((row) => (
              <li key={row.type}>
                <button
                  type="button"
                  className={CHOICE}
                  aria-pressed={type === row.type}
                  onClick={() => onFilter('type', type === row.type ? '' : row.type)}
                >
                  <span>{t(`anomalies.type.${row.type}`)}</span>
                  <span className="font-bold">{row.count}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className={box} aria-labelledby={`${trendId}-sites`}>
        <h2 id={`${trendId}-sites`} className="font-semibold">
          {t('anomalies.summary.bySite')}
        </h2>
        <ul>
          {summary.unresolved.bySite.map((row) => (
            <li key={row.id}>
              <button
                type="button"
                className={CHOICE}
                aria-pressed={siteId === row.id}
                onClick={() => onFilter('siteId', siteId === row.id ? '' : row.id)}
              >
                <span>{row.name}</span>
                <span className="font-bold">{row.count}</span>
              </button>
            </li>
          ))}
        </ul>
      </section>
      <section className={box} aria-labelledby={`${trendId}-agents`}>
        <h2 id={`${trendId}-agents`} className="font-semibold">
          {t('anomalies.summary.byAgent')}
        </h2>
        <ul>
          {summary.unresolved.byAgent.map((row) => (
            <li key={row.id}>
              <button
                type="button"
                className={CHOICE}
                aria-pressed={agentId === row.id}
                onClick={() => onFilter('agentId', agentId === row.id ? '' : row.id)}
              >
                <span>{row.name}</span>
                <span className="font-bold">{row.count}</span>
              </button>
            </li>
          ))}
        </ul>
      </section>
      <section className={box} aria-labelledby={trendId}>
        <h2 id={trendId} className="font-semibold">
          {type
            ? t('anomalies.summary.trendOf', {
                type: t(`anomalies.type.${type}` as 'anomalies.type.NO_SHOW'),
              })
            : t('anomalies.summary.trend')}
        </h2>
        <ol className="space-y-1">
          {weeks.map((week) => (
            <li key={week.week} className="flex items-center gap-2 text-sm">
              <span className="w-20 shrink-0 font-mono">{week.week}</span>
              <span
                aria-hidden="true"
                className="h-3 rounded bg-brand-700"
                style={{ width: `${(week.count / highest) * 60}%` }}
              />
              <span>{t('anomalies.summary.weekCount', { count: week.count })}</span>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
