import type { AnalyticsOnssOnTime } from '@ciao/domain';
import { useTranslation } from 'react-i18next';
import { formatCount, formatShare, weekDate, weekLabel } from '../analytics-format';
import { ChartFigure } from '../charts/chart-figure';
import { LineChart } from '../charts/line-chart';
import { onssLink, type DrillFilters } from '../drill-down';

/** The share of registrations ONSS confirmed on time, week by week, as a line from 0 to 100 %. */
export function OnssChart({
  data,
  period,
  filters,
}: {
  data: AnalyticsOnssOnTime;
  period: { from: string; to: string };
  filters: DrillFilters;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const weeks = data.weeks;
  const count = (value: number) => formatCount(value, language);
  return (
    <ChartFigure
      title={t('analytics.onss.title')}
      definition={t('analytics.onss.definition', { minutes: data.onTimeMinutes })}
      empty={data.overall.total === 0 ? t('analytics.onss.empty') : undefined}
      table={{
        columns: [
          t('analytics.week'),
          t('analytics.onss.onTime'),
          t('analytics.onss.late'),
          t('analytics.onss.refused'),
          t('analytics.onss.unconfirmed'),
          t('analytics.total'),
          t('analytics.onss.share'),
        ],
        rows: weeks.map((week) => ({
          label: weekDate(week.week, language),
          cells: [
            count(week.onTime),
            count(week.late),
            count(week.refused),
            count(week.unconfirmed),
            count(week.total),
            formatShare(week.share, language),
          ],
        })),
      }}
    >
      <LineChart
        label={t('analytics.onss.title')}
        categories={weeks.map((week) => weekLabel(week.week, language))}
        values={weeks.map((week) => week.share)}
        fixedMax={1}
        formatTick={(share) => formatShare(share, language)}
        nameOf={(index) =>
          t('analytics.onss.mark', {
            week: weekDate(weeks[index]!.week, language),
            share: formatShare(weeks[index]!.share, language),
            onTime: count(weeks[index]!.onTime),
            total: count(weeks[index]!.total),
          })
        }
        hrefOf={(index) => onssLink(weeks[index]!.week, period, filters)}
      />
    </ChartFigure>
  );
}
