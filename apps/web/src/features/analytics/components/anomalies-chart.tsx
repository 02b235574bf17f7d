import type { AnalyticsAnomalies } from '@ciao/domain';
import { useTranslation } from 'react-i18next';
import { formatCount, weekDate, weekLabel } from '../analytics-format';
import { BarChart } from '../charts/bar-chart';
import { ChartFigure } from '../charts/chart-figure';
import { anomaliesLink, type DrillFilters } from '../drill-down';

/** Anomalies opened per week, stacked by type. */
export function AnomaliesChart({
  data,
  period,
  filters,
}: {
  data: AnalyticsAnomalies;
  period: { from: string; to: string };
  filters: DrillFilters;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  // The type names are the compliance screen's: one wording for one anomaly everywhere.
  const typeName = (type: string) => String(i18n.t(`anomalies.type.${type}` as 'anomalies.title'));
  const weeks = data.weeks;
  const series = data.types.map((type, index) => ({
    key: type,
    label: typeName(type),
    values: weeks.map((week) => week.byType[index]?.count ?? 0),
    style: index,
  }));
  const count = (value: number) => formatCount(value, language);
  return (
    <ChartFigure
      title={t('analytics.anomalies.title')}
      definition={t('analytics.anomalies.definition')}
      legend={series}
      empty={data.types.length === 0 ? t('analytics.anomalies.empty') : undefined}
      table={{
        columns: [t('analytics.week'), ...series.map((entry) => entry.label), t('analytics.total')],
        rows: weeks.map((week) => ({
          label: weekDate(week.week, language),
          cells: [...week.byType.map((entry) => count(entry.count)), count(week.total)],
        })),
      }}
    >
      <BarChart
        label={t('analytics.anomalies.title')}
        categories={weeks.map((week) => weekLabel(week.week, language))}
        series={series}
        stacked
        formatTick={count}
        nameOf={(week, type) =>
          t('analytics.anomalies.mark', {
            week: weekDate(weeks[week]!.week, language),
            type: series[type]!.label,
            count: series[type]!.values[week] ?? 0,
          })
        }
        hrefOf={(week, type) => anomaliesLink(weeks[week]!.week, data.types[type]!, period, filters)}
      />
    </ChartFigure>
  );
}
