import { z } from 'zod';
import { isoDate } from './common.js';

/**
 * Why an agent does not see a task in the agent app (the product FAQ's first support question).
 * Each reason is something a manager can fix in the back-office:
 * - `AGENT_INACTIVE`: the agent record is switched off;
 * - `AGENT_NOT_STARTED` / `AGENT_ENDED`: today is before the agent's active-from date or after
 *   the active-until date;
 * - `AGENT_NO_APP_ACCESS`: the agent may not use the agent app;
 * - `AGENT_NO_MOBILE_PASSWORD`: the agent has app access but no password to sign in with yet;
 * - `AGENT_NOT_LINKED`: the agent is not among the task's agents;
 * - `TASK_INACTIVE`: the task is switched off;
 * - `TASK_NOT_STARTED` / `TASK_ENDED`: today is outside the task's validity dates;
 * - `SITE_INACTIVE`: the task's site is switched off.
 */
export const taskVisibilityReasonCode = z.enum([
  'AGENT_INACTIVE',
  'AGENT_NOT_STARTED',
  'AGENT_ENDED',
  'AGENT_NO_APP_ACCESS',
  'AGENT_NO_MOBILE_PASSWORD',
  'AGENT_NOT_LINKED',
  'TASK_INACTIVE',
  'TASK_NOT_STARTED',
  'TASK_ENDED',
  'SITE_INACTIVE',
]);

export type TaskVisibilityReasonCode = z.infer<typeof taskVisibilityReasonCode>;

/** One reason, with the date it refers to when there is one (`TASK_NOT_STARTED` on 2026-12-01). */
export const taskVisibilityReason = z.object({
  code: taskVisibilityReasonCode,
  date: isoDate.nullable(),
});

export type TaskVisibilityReason = z.infer<typeof taskVisibilityReason>;

/** `GET /api/agents/:agentId/task-visibility?taskId=…` */
export const taskVisibilityQuery = z.object({ taskId: z.uuid() });

/**
 * The answer: `visible` is true exactly when `reasons` is empty. `date` is today in the company's
 * time zone, the day the check was made for. `plannedToday` tells whether the task's schedule has
 * a slot today: a task without one still shows in the app (an agent may be sent on another day),
 * so it is information, not a reason.
 *
 * @example
 * { agentId: '…', taskId: '…', date: '2026-11-30', visible: false, plannedToday: true,
 *   reasons: [{ code: 'AGENT_NOT_LINKED', date: null }] }
 */
export const taskVisibilityView = z.object({
  agentId: z.uuid(),
  taskId: z.uuid(),
  date: isoDate,
  visible: z.boolean(),
  plannedToday: z.boolean(),
  reasons: z.array(taskVisibilityReason),
  /**
   * The agent has a registration open on this task: the app keeps showing it until the agent has
   * registered the end, whatever the reasons.
   */
  openSession: z.boolean(),
  /**
   * False for a role that may not see agents' credentials (the supervisor): whether the agent has
   * a mobile password was not checked, so `AGENT_NO_MOBILE_PASSWORD` cannot appear.
   */
  credentialsChecked: z.boolean(),
});

export type TaskVisibilityView = z.infer<typeof taskVisibilityView>;

/**
 * One task an agent is linked to, for the agent screen, with `visible` and `reasons` from the same
 * rules as the visibility check (today, company time zone).
 */
export const agentTaskItem = z.object({
  id: z.uuid(),
  name: z.string(),
  siteId: z.uuid(),
  siteName: z.string(),
  clientId: z.uuid(),
  clientName: z.string(),
  active: z.boolean(),
  validFrom: isoDate.nullable(),
  validUntil: isoDate.nullable(),
  visible: z.boolean(),
  reasons: z.array(taskVisibilityReason),
});

export type AgentTaskItem = z.infer<typeof agentTaskItem>;

/**
 * `GET /api/agents/:agentId/tasks`: every task the agent is linked to, by site then task name.
 *
 * @example
 * { agentId: '…', date: '2026-11-30', credentialsChecked: true,
 *   items: [{ id: '…', name: 'Offices', siteName: 'Louise 231', clientName: 'Immo Louise', visible: true, reasons: [], … }] }
 */
export const agentTaskList = z.object({
  agentId: z.uuid(),
  date: isoDate,
  credentialsChecked: z.boolean(),
  items: z.array(agentTaskItem),
});

export type AgentTaskList = z.infer<typeof agentTaskList>;
