import {
  anomalyThresholds,
  arrivedForPeriod,
  localDate,
  noShowDue,
  plannedPeriodCalendar,
  previousDate,
  type PresenceSnapshot,
} from '@ciao/domain';
import type { AppContext } from '../../http/app-context.js';
import { expectedPeriods, spansByAgentTask } from '../anomalies/anomaly-candidates.js';
import { findAgentSessionsAround, findExpectedAttendance } from '../anomalies/anomaly-scan-repository.js';
import { findAgentNames, findOpenSessions, findTaskPlaces, findTenantClock } from './presence-repository.js';

const MINUTE = 60_000;

/**
 * The live board of a company now: who is on site (every open work session, working or on break
 * since their last registration) and who is planned now or today but has not arrived. "Planned"
 * and "arrived" are read by the NO_SHOW anomaly's own rules (expected periods, arrival window,
 * grace time), so that an agent shown as `no_show` here is the one the anomaly scan reports.
 */
export async function getPresenceSnapshot(ctx: AppContext, tenantId: string): Promise<PresenceSnapshot> {
  const now = ctx.now();
  const tenant = await findTenantClock(ctx.db, tenantId);
  const timeZone = tenant?.timeZone ?? 'Europe/Brussels';
  const thresholds = anomalyThresholds(tenant?.settings.anomalyThresholds);
  const today = localDate(now, timeZone);
  const yesterday = previousDate(today);

  const open = await findOpenSessions(ctx.db, tenantId);
  const present = open
    .map((session) => ({
      workSessionId: session.id,
      agent: session.agent,
      task: session.task,
      site: session.site,
      client: session.client,
      state: session.state === 'ON_BREAK' ? ('on_break' as const) : ('working' as const),
      since: session.lastEventAt.toISOString(),
      arrivedAt: session.startedAt.toISOString(),
    }))
    .sort((a, b) => a.since.localeCompare(b.since));

  // Periods of today, and those of yesterday still running (a night shift): planned "now or today".
  const calendar = plannedPeriodCalendar(timeZone);
  const planned = expectedPeriods(
    await findExpectedAttendance(ctx.db, tenantId),
    [yesterday, today],
    calendar,
  ).filter(
    ({ period }) => localDate(period.start, timeZone) === today || period.end.getTime() > now.getTime(),
  );
  const agentIds = [...new Set(planned.map(({ link }) => link.agentId))];
  // A loop, not Math.min(...): a large company plans more periods than a call may take arguments.
  let earliest = Infinity;
  let latest = now.getTime() + MINUTE;
  for (const { period } of planned) {
    earliest = Math.min(earliest, period.start.getTime());
    latest = Math.max(latest, period.end.getTime());
  }
  const spans = spansByAgentTask(
    planned.length === 0
      ? []
      : await findAgentSessionsAround(ctx.db, tenantId, agentIds, {
          from: new Date(earliest - thresholds.earlyArrivalMinutes * MINUTE),
          to: new Date(latest),
        }),
  );
  const missing = planned.filter(({ link, period }) => {
    const sessions = spans.get(`${link.agentId}|${link.taskId}`) ?? [];
    return !arrivedForPeriod(period, sessions, thresholds);
  });

  const names = new Map(
    (await findAgentNames(ctx.db, tenantId, [...new Set(missing.map(({ link }) => link.agentId))])).map(
      (agent) => [agent.id, agent],
    ),
  );
  const places = new Map(
    (await findTaskPlaces(ctx.db, tenantId, [...new Set(missing.map(({ link }) => link.taskId))])).map(
      (place) => [place.task.id, place],
    ),
  );
  const expected = missing
    .flatMap(({ link, period }) => {
      const agent = names.get(link.agentId);
      const place = places.get(link.taskId);
      if (!agent || !place) return [];
      const sessions = spans.get(`${link.agentId}|${link.taskId}`) ?? [];
      const status = noShowDue({ period, sessions, now, thresholds })
        ? ('no_show' as const)
        : period.start.getTime() > now.getTime()
          ? ('upcoming' as const)
          : ('awaited' as const);
      return [
        {
          agent,
          ...place,
          plannedStart: period.start.toISOString(),
          plannedEnd: period.end.toISOString(),
          status,
        },
      ];
    })
    .sort((a, b) => a.plannedStart.localeCompare(b.plannedStart));

  return { asOf: now.toISOString(), date: today, timeZone, present, expected };
}
