import { allowedActions, localDate, plannedPeriodsOn, taskReasons, type ClockState } from '@ciao/domain';
import { and, eq } from 'drizzle-orm';
import { tenants, workSessions } from '../../db/schema/index.js';
import type { AppContext } from '../../http/app-context.js';
import { findOpenSession, listAgentTasks } from './clock-repository.js';

function address(site: {
  street: string | null;
  houseNumber: string | null;
  postCode: string | null;
  municipality: string | null;
}) {
  const street = [site.street, site.houseNumber].filter(Boolean).join(' ');
  const town = [site.postCode, site.municipality].filter(Boolean).join(' ');
  return [street, town].filter(Boolean).join(', ');
}

/**
 * The tasks an agent sees in the app: linked, active and valid today (company time zone), with
 * today's planned times and where the agent stands on each; planned-today first. The task with an
 * open session always shows, so that the agent can always register the end of it.
 */
export async function listMyTasks(ctx: AppContext, input: { tenantId: string; agentId: string }) {
  const now = ctx.now();
  const [tenant] = await ctx.db
    .select({ timeZone: tenants.timeZone })
    .from(tenants)
    .where(eq(tenants.id, input.tenantId));
  const timeZone = tenant?.timeZone ?? 'Europe/Brussels';
  const today = localDate(now, timeZone);
  const rows = await listAgentTasks(ctx.db, input.tenantId, input.agentId);
  const open = await findOpenSession(ctx.db, input.tenantId, input.agentId);
  const closedToday = await ctx.db
    .select({ taskId: workSessions.taskId })
    .from(workSessions)
    .where(
      and(
        eq(workSessions.tenantId, input.tenantId),
        eq(workSessions.agentId, input.agentId),
        eq(workSessions.workDate, today),
        eq(workSessions.state, 'CLOSED'),
      ),
    );
  const done = new Set(closedToday.map((row) => row.taskId));
  const state: ClockState = open
    ? { status: open.state as 'WORKING' | 'ON_BREAK', taskId: open.taskId, since: open.lastEventAt }
    : { status: 'OFF' };

  const tasks = rows
    .filter(
      // The same rules as the back-office's visibility check (taskVisibilityReasons): the agent's own
      // reasons are settled by the sign-in and the token check before this runs.
      ({ task, site }) => taskReasons(task, site, today).length === 0 || task.id === open?.taskId,
    )
    .map(({ task, site }) => {
      const planned = plannedPeriodsOn(task.schedule, today, timeZone);
      const taskState =
        open?.taskId === task.id
          ? open.state === 'ON_BREAK'
            ? 'on_break'
            : 'working'
          : done.has(task.id)
            ? 'done'
            : 'not_started';
      return {
        id: task.id,
        name: task.name,
        site: {
          id: site.id,
          name: site.name,
          address: address(site),
          latitude: site.latitude,
          longitude: site.longitude,
          geofenceRadiusMeters: site.geofenceRadiusMeters,
        },
        plannedToday: planned.map((period) => ({
          start: period.start.toISOString(),
          end: period.end.toISOString(),
        })),
        state: taskState as 'not_started' | 'working' | 'on_break' | 'done',
        allowedActions: allowedActions(state, task.id),
      };
    })
    .sort((a, b) => {
      const rank = (task: (typeof tasks)[number]) =>
        task.state === 'working' || task.state === 'on_break' ? 0 : task.plannedToday.length > 0 ? 1 : 2;
      return (
        rank(a) - rank(b) || (a.plannedToday[0]?.start ?? '').localeCompare(b.plannedToday[0]?.start ?? '')
      );
    });
  return { date: today, tasks };
}
