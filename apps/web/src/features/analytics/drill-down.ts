import type { AnalyticsGrouping, AnomalyType } from '@ciao/domain';
import { weekWithin } from './analytics-period';

export interface DrillFilters {
  clientId: string;
  siteId: string;
  /** The site's name, for the ONSS screen's filter chip. */
  siteLabel: string;
}

type Period = { from: string; to: string };

const link = (path: string, params: Record<string, string | undefined>) => {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) query.set(key, value);
  const text = query.toString();
  return text ? `${path}?${text}` : path;
};

/**
 * The list behind one bar of the hours chart. A client's hours open its registrations (the
 * registrations list filters by client, the timesheets do not); a site's or an agent's open that
 * week's timesheets; "others" opens the week's timesheets with the screen's own site filter.
 */
export function hoursLink(
  groupBy: AnalyticsGrouping,
  group: { id: string | null },
  week: string,
  period: Period,
  filters: DrillFilters,
): string {
  if (groupBy === 'client' && group.id) {
    const days = weekWithin(week, period);
    return link('/registrations', {
      from: days.from,
      to: days.to,
      clientId: group.id,
      siteId: filters.siteId,
    });
  }
  return link('/work-sessions', {
    week,
    siteId: groupBy === 'site' && group.id ? group.id : filters.siteId,
    agentId: groupBy === 'agent' && group.id ? group.id : undefined,
  });
}

/** A week of planned and worked time: that week's timesheets (narrowed to the screen's site). */
export function plannedLink(week: string, filters: DrillFilters): string {
  return link('/work-sessions', { week, siteId: filters.siteId });
}

/** A week's ONSS share: the ONSS tracking list of the registrations of that week. */
export function onssLink(week: string, period: Period, filters: DrillFilters): string {
  const days = weekWithin(week, period);
  return link('/onss', {
    from: days.from,
    to: days.to,
    siteId: filters.siteId,
    siteLabel: filters.siteId ? filters.siteLabel : undefined,
  });
}

/** One type's anomalies of a week: the compliance list, whatever their status. */
export function anomaliesLink(
  week: string,
  type: AnomalyType,
  period: Period,
  filters: DrillFilters,
): string {
  const days = weekWithin(week, period);
  return link('/anomalies', { type, from: days.from, to: days.to, siteId: filters.siteId });
}
