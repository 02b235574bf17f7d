import { formatDate } from '@ciao/front-common';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { EmptyState, ListStatus, Pagination, ScreenHeader } from '../../../components/list';
import { ExportMenu } from '../../../components/export-menu';
import { SelectField } from '../../../components/select-field';
import { SECONDARY_BUTTON } from '../../../components/text-field';
import {
  addDays,
  brusselsDate,
  daysBetween,
  isIsoDate,
  monthBounds,
  weekStart,
} from '../../../lib/local-dates';
import { useTimesheetChoices, useTimesheets } from '../hooks/use-timesheets';
import { DayPanel } from './day-panel';
import { MonthView } from './month-view';
import { WeekView } from './week-view';

const tabClass = (selected: boolean) =>
  `inline-flex min-h-11 items-center rounded-md px-4 font-semibold ${
    selected ? 'bg-brand-700 text-white' : 'border border-brand-700 bg-white text-brand-700 hover:bg-brand-50'
  }`;

/**
 * Timesheets ("prestations"): a week of agents × days, or one agent's month; a day opens its
 * sessions, with the corrections and, for the roles allowed, the correction form. Everything is
 * in the address bar, so that a view can be bookmarked and linked to (from a registration).
 */
export function TimesheetsScreen() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'fr';
  const headingId = useId();
  const [params, setParams] = useSearchParams();
  const today = brusselsDate(new Date());
  const view = params.get('view') === 'month' ? 'month' : 'week';
  const week = weekStart(isIsoDate(params.get('week')) ? params.get('week')! : today);
  const monthParam = params.get('month') ?? '';
  const month = /^\d{4}-(0[1-9]|1[0-2])$/.test(monthParam) ? monthParam : today.slice(0, 7);
  const agentId = params.get('agentId') ?? '';
  const siteId = params.get('siteId') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [from, to] = view === 'week' ? [week, addDays(week, 6)] : monthBounds(month);
  const days = daysBetween(from, to);
  const exportMonth = view === 'month' ? month : from.slice(0, 7);
  const choices = useTimesheetChoices();
  const monthWithoutAgent = view === 'month' && !agentId;
  const sheet = useTimesheets(
    {
      from,
      to,
      ...(agentId ? { agentId } : {}),
      ...(siteId ? { siteId } : {}),
      ...(view === 'week' ? { page } : {}),
    },
    !monthWithoutAgent,
  );
  // A line per agent and day at most: the agents of the page's total times the days. A month of
  // every agent is not loaded on screen: its size is unknown, so the export runs as a job.
  let exportRowCount: number | undefined;
  if (sheet.data) exportRowCount = sheet.data.total * days.length;
  else if (monthWithoutAgent) exportRowCount = Infinity;
  const openDay = params.get('day');
  const openAgent = params.get('dayAgent');
  const openAgentName =
    sheet.data?.items.find((item) => item.agent.id === openAgent)?.agent.name ??
    params.get('dayAgentName') ??
    '';

  const update = (changes: Record<string, string | undefined>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      },
      { replace: false },
    );
  const closeDay = { day: undefined, dayAgent: undefined, dayAgentName: undefined, planned: undefined };
  const shiftMonth = (by: number) => {
    const [year, number] = month.split('-').map(Number) as [number, number];
    const moved = new Date(Date.UTC(year, number - 1 + by, 1));
    return moved.toISOString().slice(0, 7);
  };

  return (
    <div className="space-y-6">
      <ScreenHeader headingId={headingId} title={t('timesheets.title')} intro={t('timesheets.intro')} />

      <ExportMenu
        filters={{ from, to, agentId, siteId }}
        rowCount={exportRowCount}
        choices={[
          { kind: 'timesheets', format: 'csv' },
          { kind: 'timesheets', format: 'xlsx' },
          { kind: 'timesheets', format: 'pdf' },
          {
            kind: 'monthly-timesheets',
            format: 'pdf',
            label: t('exports.monthlyPdf', { month: exportMonth }),
            filters: { month: exportMonth, from: '', to: '' },
            rows: agentId ? 1 : sheet.data?.total,
            directLimit: 50,
          },
          {
            kind: 'payroll',
            format: 'csv',
            label: t('exports.payroll', { month: exportMonth }),
            filters: { month: exportMonth, from: '', to: '' },
            rows: sheet.data ? sheet.data.total * 31 : undefined,
          },
          {
            kind: 'payroll',
            format: 'xlsx',
            label: t('exports.payrollXlsx', { month: exportMonth }),
            filters: { month: exportMonth, from: '', to: '' },
            rows: sheet.data ? sheet.data.total * 31 : undefined,
          },
        ]}
      />

      <nav aria-label={t('timesheets.views')} className="flex flex-wrap gap-2">
        <button
          type="button"
          className={tabClass(view === 'week')}
          aria-pressed={view === 'week'}
          onClick={() => update({ view: undefined, page: undefined, ...closeDay })}
        >
          {t('timesheets.week.tab')}
        </button>
        <button
          type="button"
          className={tabClass(view === 'month')}
          aria-pressed={view === 'month'}
          onClick={() => update({ view: 'month', page: undefined, ...closeDay })}
        >
          {t('timesheets.month.tab')}
        </button>
      </nav>

      <div className="flex flex-wrap items-end gap-3">
        {view === 'week' ? (
          <>
            <button
              type="button"
              className={SECONDARY_BUTTON}
              onClick={() => update({ week: addDays(week, -7), page: undefined })}
            >
              {t('timesheets.week.previous')}
            </button>
            <p className="min-h-11 content-center font-semibold text-slate-900" aria-live="polite">
              {t('timesheets.week.range', {
                from: formatDate(`${from}T12:00:00Z`, language),
                to: formatDate(`${to}T12:00:00Z`, language),
              })}
            </p>
            <button
              type="button"
              className={SECONDARY_BUTTON}
              onClick={() => update({ week: addDays(week, 7), page: undefined })}
            >
              {t('timesheets.week.next')}
            </button>
          </>
        ) : (
          <>
            <button
              type="button"
              className={SECONDARY_BUTTON}
              onClick={() => update({ month: shiftMonth(-1) })}
            >
              {t('timesheets.month.previous')}
            </button>
            <p className="min-h-11 content-center font-semibold text-slate-900" aria-live="polite">
              {new Intl.DateTimeFormat(language, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
                new Date(`${month}-15T12:00:00Z`),
              )}
            </p>
            <button
              type="button"
              className={SECONDARY_BUTTON}
              onClick={() => update({ month: shiftMonth(1) })}
            >
              {t('timesheets.month.next')}
            </button>
          </>
        )}
        <SelectField
          label={t('timesheets.filters.agent')}
          value={agentId}
          onChange={(event) => update({ agentId: event.target.value, page: undefined, ...closeDay })}
          options={[
            { value: '', label: view === 'month' ? t('timesheets.filters.chooseAgent') : t('list.all') },
            ...(choices.agents.data?.items ?? []).map((agent) => ({
              value: agent.id,
              label: `${agent.lastName} ${agent.firstName} (${agent.identifier})`,
            })),
          ]}
        />
        <SelectField
          label={t('timesheets.filters.site')}
          value={siteId}
          onChange={(event) => update({ siteId: event.target.value, page: undefined, ...closeDay })}
          options={[
            { value: '', label: t('list.all') },
            ...(choices.sites.data?.items ?? []).map((site) => ({ value: site.id, label: site.name })),
          ]}
        />
      </div>

      {openDay && openAgent && isIsoDate(openDay) && (
        <DayPanel
          key={`${openAgent}-${openDay}`}
          agentId={openAgent}
          agentName={openAgentName}
          date={openDay}
          plannedSeconds={Number(params.get('planned')) || 0}
          onClose={() => update(closeDay)}
        />
      )}

      <ListStatus
        isPending={sheet.isPending && !monthWithoutAgent}
        error={sheet.error}
        onRetry={() => void sheet.refetch()}
      />

      {monthWithoutAgent ? (
        <EmptyState>{t('timesheets.month.chooseAgent')}</EmptyState>
      ) : (
        sheet.data && (
          <section aria-labelledby={headingId} className="space-y-3">
            {view === 'week' ? (
              sheet.data.items.length === 0 ? (
                <EmptyState>{t('timesheets.week.empty')}</EmptyState>
              ) : (
                <>
                  <p className="text-sm text-slate-600">{t('timesheets.week.legend')}</p>
                  <WeekView
                    items={sheet.data.items}
                    days={days}
                    onOpenDay={(agent, date, planned) =>
                      update({
                        day: date,
                        dayAgent: agent.id,
                        dayAgentName: agent.name,
                        planned: String(planned),
                      })
                    }
                    onOpenAgent={(id) =>
                      update({
                        view: 'month',
                        agentId: id,
                        month: from.slice(0, 7),
                        page: undefined,
                        ...closeDay,
                      })
                    }
                  />
                  <Pagination
                    page={page}
                    pageSize={sheet.data.pageSize}
                    total={sheet.data.total}
                    onPage={(next) => update({ page: String(next) })}
                  />
                </>
              )
            ) : (
              <MonthView
                sheet={sheet.data.items[0]}
                days={days}
                onOpenDay={(date, planned) =>
                  update({
                    day: date,
                    dayAgent: agentId,
                    dayAgentName: sheet.data.items[0]?.agent.name,
                    planned: String(planned),
                  })
                }
              />
            )}
          </section>
        )
      )}
    </div>
  );
}
