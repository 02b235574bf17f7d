import type { AnalyticsPlannedVsActual } from '@ciao/domain';
import { useTranslation } from 'react-i18next';
import { formatHours, weekDate, weekLabel } from '../analytics-format';
import { BarChart } from '../charts/bar-chart';
import { ChartFigure } from '../charts/chart-figure';
import { plannedLink, type DrillFilters } from '../drill-down';

/** Worked hours per week as bars, planned hours as a line over them. */
export function PlannedChart({ data, filters }: { data: AnalyticsPlannedVsActual; filters: DrillFilters }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const hours = (seconds: number) => formatHours(seconds, language);
  const weeks = data.weeks;
  const nothing = weeks.every((week) => week.plannedSeconds === 0 && week.workedSeconds === 0);
  const worked = t('analytics.planned.worked');
  const planned = t('analytics.planned.planned');
  return (
    <ChartFigure
      title={t('analytics.planned.title')}
      definition={t('analytics.planned.definition')}
      legend={[
        { key: 'worked', label: worked, style: 0 },
        { key: 'planned', label: planned, line: true },
      ]}
      empty={nothing ? t('analytics.planned.empty') : undefined}
      table={{
        columns: [t('analytics.week'), planned, worked, t('analytics.planned.difference')],
        rows: weeks.map((week) => ({
          label: weekDate(week.week, language),
          cells: [
            hours(week.plannedSeconds),
            hours(week.workedSeconds),
            `${week.workedSeconds >= week.plannedSeconds ? '+' : '−'}${hours(Math.abs(week.workedSeconds - week.plannedSeconds))}`,
          ],
        })),
      }}
    >
      <BarChart
        label={t('analytics.planned.title')}
        categories={weeks.map((week) => weekLabel(week.week, language))}
        series={[
          { key: 'worked', label: worked, values: weeks.map((week) => week.workedSeconds / 3600), style: 0 },
        ]}
        line={{ label: planned, values: weeks.map((week) => week.plannedSeconds / 3600) }}
        stacked={false}
        formatTick={(value) => hours(value * 3600)}
        nameOf={(index) =>
          t('analytics.planned.mark', {
            week: weekDate(weeks[index]!.week, language),
            worked: hours(weeks[index]!.workedSeconds),
            planned: hours(weeks[index]!.plannedSeconds),
          })
        }
        hrefOf={(index) => plannedLink(weeks[index]!.week, filters)}
      />
    </ChartFigure>
  );
}
