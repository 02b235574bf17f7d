import type { AnalyticsGrouping } from '@ciao/domain';
import { analyticsGroupings } from '@ciao/domain';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ListStatus, ScreenHeader, useListState } from '../../../components/list';
import { SelectField } from '../../../components/select-field';
import { TextField } from '../../../components/text-field';
import { brusselsDate } from '../../../lib/local-dates';
import { periodChoices, resolvePeriod } from '../analytics-period';
import { weekDate } from '../analytics-format';
import type { DrillFilters } from '../drill-down';
import {
  useAnomaliesPerWeek,
  useFilterChoices,
  useHours,
  useOnssOnTime,
  usePlannedVsActual,
} from '../hooks/use-analytics';
import { AnomaliesChart } from './anomalies-chart';
import { HeadlineFigures } from './headline-figures';
import { HoursChart } from './hours-chart';
import { OnssChart } from './onss-chart';
import { PlannedChart } from './planned-chart';

const filterNames = ['period', 'month', 'from', 'to', 'clientId', 'siteId', 'groupBy'] as const;

/**
 * Analytics: four weekly charts over a period (hours per client, site or agent; planned against
 * worked; ONSS confirmed on time; anomalies by type), each mark leading to the list behind it. The
 * period and filters live in the address bar, so that a view can be shared.
 */
export function AnalyticsScreen() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const headingId = useId();
  const list = useListState({ sortFields: ['week'], defaultSort: 'week', filters: filterNames });
  const { filters } = list.state;
  const today = brusselsDate(new Date());
  const period = resolvePeriod(filters, today);
  const groupBy: AnalyticsGrouping = (analyticsGroupings as readonly string[]).includes(filters.groupBy)
    ? (filters.groupBy as AnalyticsGrouping)
    : 'client';
  const choices = useFilterChoices();
  const sites = (choices.sites.data?.items ?? []).filter(
    (site) => !filters.clientId || site.clientId === filters.clientId,
  );
  const params = useMemo(() => {
    const query: Record<string, string> = { from: period.from, to: period.to };
    if (filters.clientId) query.clientId = filters.clientId;
    if (filters.siteId) query.siteId = filters.siteId;
    return query;
  }, [period.from, period.to, filters.clientId, filters.siteId]);
  const hoursParams = useMemo(() => ({ ...params, groupBy }), [params, groupBy]);
  const hours = useHours(hoursParams);
  const planned = usePlannedVsActual(params);
  const onss = useOnssOnTime(params);
  const anomalies = useAnomaliesPerWeek(params);
  const drill: DrillFilters = {
    clientId: filters.clientId,
    siteId: filters.siteId,
    siteLabel: sites.find((site) => site.id === filters.siteId)?.name ?? '',
  };
  const all = { value: '', label: t('list.all') };
  const queries = [hours, planned, onss, anomalies];
  const failed = queries.find((query) => query.error);

  return (
    <div className="space-y-6">
      <ScreenHeader headingId={headingId} title={t('analytics.title')} intro={t('analytics.intro')} />

      <form
        className="grid grid-cols-1 gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-4"
        aria-label={t('analytics.filters.label')}
        onSubmit={(event) => event.preventDefault()}
      >
        <SelectField
          label={t('analytics.filters.period')}
          value={period.choice}
          onChange={(event) =>
            list.setFilter('period', event.target.value === '4w' ? '' : event.target.value)
          }
          options={periodChoices.map((choice) => ({
            value: choice,
            label: t(`analytics.filters.choices.${choice}`),
          }))}
        />
        {period.choice === 'month' && (
          <TextField
            type="month"
            label={t('analytics.filters.month')}
            value={period.month}
            onChange={(event) => list.setFilter('month', event.target.value)}
          />
        )}
        {period.choice === 'custom' && (
          <>
            <TextField
              type="date"
              label={t('analytics.filters.from')}
              value={filters.from}
              onChange={(event) => list.setFilter('from', event.target.value)}
            />
            <TextField
              type="date"
              label={t('analytics.filters.to')}
              value={filters.to}
              onChange={(event) => list.setFilter('to', event.target.value)}
            />
          </>
        )}
        <SelectField
          label={t('analytics.filters.client')}
          value={filters.clientId}
          onChange={(event) => list.setFilters({ clientId: event.target.value, siteId: '' })}
          options={[
            all,
            ...(choices.clients.data?.items ?? []).map((client) => ({
              value: client.id,
              label: client.name,
            })),
          ]}
        />
        <SelectField
          label={t('analytics.filters.site')}
          value={filters.siteId}
          onChange={(event) => list.setFilter('siteId', event.target.value)}
          options={[all, ...sites.map((site) => ({ value: site.id, label: site.name }))]}
        />
      </form>

      <p className="text-slate-800" aria-live="polite">
        {t('analytics.periodText', {
          from: weekDate(period.from, language),
          to: weekDate(period.to, language),
        })}
      </p>
      {period.invalid && (
        <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-950">
          {t(`analytics.filters.invalid.${period.invalid}`)}
        </p>
      )}

      <ListStatus
        isPending={queries.some((query) => query.isPending)}
        error={failed?.error}
        onRetry={() => queries.forEach((query) => void query.refetch())}
      />

      <HeadlineFigures hours={hours.data} onss={onss.data} anomalies={anomalies.data} today={today} />

      <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
        {hours.data && (
          <HoursChart
            data={hours.data}
            groupBy={groupBy}
            onGroupBy={(grouping) => list.setFilter('groupBy', grouping === 'client' ? '' : grouping)}
            period={period}
            filters={drill}
          />
        )}
        {planned.data && <PlannedChart data={planned.data} filters={drill} />}
        {onss.data && <OnssChart data={onss.data} period={period} filters={drill} />}
        {anomalies.data && <AnomaliesChart data={anomalies.data} period={period} filters={drill} />}
      </div>
    </div>
  );
}
