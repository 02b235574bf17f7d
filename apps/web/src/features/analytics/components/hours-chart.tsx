import { analyticsGroupings, type AnalyticsGrouping, type AnalyticsHours } from '@ciao/domain';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../../components/select-field';
import { formatHours, weekDate, weekLabel } from '../analytics-format';
import { BarChart } from '../charts/bar-chart';
import { ChartFigure } from '../charts/chart-figure';
import { OTHERS_STYLE } from '../charts/palette';
import { hoursLink, type DrillFilters } from '../drill-down';

/** Hours worked per week, stacked per client, site or agent (the biggest named, the rest as "others"). */
export function HoursChart({
  data,
  groupBy,
  onGroupBy,
  period,
  filters,
}: {
  data: AnalyticsHours;
  groupBy: AnalyticsGrouping;
  onGroupBy: (grouping: AnalyticsGrouping) => void;
  period: { from: string; to: string };
  filters: DrillFilters;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const hours = (seconds: number) => formatHours(seconds, language);
  const nameOf = (group: AnalyticsHours['groups'][number]) =>
    group.others ? t('analytics.hours.others') : group.name;
  const series = data.groups.map((group, index) => ({
    key: group.id ?? 'others',
    label: nameOf(group),
    // Scaled in hours, so that the axis shows round hours.
    values: group.seconds.map((seconds) => seconds / 3600),
    style: group.others ? OTHERS_STYLE : index,
  }));
  const weeks = data.weeks;
  return (
    <ChartFigure
      title={t('analytics.hours.title')}
      definition={t('analytics.hours.definition')}
      controls={
        <SelectField
          className="max-w-xs"
          label={t('analytics.hours.groupBy')}
          value={groupBy}
          onChange={(event) => onGroupBy(event.target.value as AnalyticsGrouping)}
          options={analyticsGroupings.map((grouping) => ({
            value: grouping,
            label: t(`analytics.hours.groupings.${grouping}`),
          }))}
        />
      }
      legend={series}
      empty={data.groups.length === 0 ? t('analytics.hours.empty') : undefined}
      table={{
        columns: [t('analytics.week'), ...series.map((entry) => entry.label), t('analytics.total')],
        rows: weeks.map((week, index) => ({
          label: weekDate(week, language),
          cells: [
            ...data.groups.map((group) => hours(group.seconds[index] ?? 0)),
            hours(data.totals[index] ?? 0),
          ],
        })),
      }}
    >
      <BarChart
        label={t('analytics.hours.title')}
        categories={weeks.map((week) => weekLabel(week, language))}
        series={series}
        stacked
        formatTick={(value) => hours(value * 3600)}
        nameOf={(week, group) =>
          t('analytics.hours.mark', {
            week: weekDate(weeks[week]!, language),
            group: series[group]!.label,
            hours: hours(data.groups[group]!.seconds[week] ?? 0),
          })
        }
        hrefOf={(week, group) => hoursLink(groupBy, data.groups[group]!, weeks[week]!, period, filters)}
      />
    </ChartFigure>
  );
}
