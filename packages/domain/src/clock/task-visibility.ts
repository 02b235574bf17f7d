import type { TaskVisibilityReason } from '../contracts/task-visibility.js';

/** What the visibility rules need of an agent record. */
export interface VisibilityAgent {
  active: boolean;
  activeFrom: string | null;
  activeUntil: string | null;
  mobileAccess: boolean;
  hasMobilePassword: boolean;
}

/** What the visibility rules need of a task and of its site. */
export interface VisibilityTask {
  active: boolean;
  validFrom: string | null;
  validUntil: string | null;
}

/**
 * Whether the agent record lets the agent work on `today` (the company's local date): the record is
 * active and today is within its optional, inclusive active dates. The agent sign-in, the agent
 * token check and the visibility check all use this one rule.
 *
 * @example
 * agentActivityReasons({ active: true, activeFrom: '2026-12-01', activeUntil: null }, '2026-11-30');
 * // [{ code: 'AGENT_NOT_STARTED', date: '2026-12-01' }]
 */
export function agentActivityReasons(
  agent: Pick<VisibilityAgent, 'active' | 'activeFrom' | 'activeUntil'>,
  today: string,
): TaskVisibilityReason[] {
  const reasons: TaskVisibilityReason[] = [];
  if (!agent.active) reasons.push({ code: 'AGENT_INACTIVE', date: null });
  if (agent.activeFrom && today < agent.activeFrom)
    reasons.push({ code: 'AGENT_NOT_STARTED', date: agent.activeFrom });
  if (agent.activeUntil && today > agent.activeUntil)
    reasons.push({ code: 'AGENT_ENDED', date: agent.activeUntil });
  return reasons;
}

/**
 * An agent may work when its record is active today.
 *
 * @example
 * isAgentActiveOn({ active: true, activeFrom: null, activeUntil: '2026-11-30' }, '2026-11-30'); // true
 */
export function isAgentActiveOn(
  agent: Pick<VisibilityAgent, 'active' | 'activeFrom' | 'activeUntil'>,
  today: string,
): boolean {
  return agentActivityReasons(agent, today).length === 0;
}

/**
 * Why the agent cannot be in the agent app at all today: an inactive record, then the app-access
 * box unticked, then no mobile password to sign in with.
 *
 * @example
 * agentAppReasons({ active: true, activeFrom: null, activeUntil: null, mobileAccess: true, hasMobilePassword: false }, '2026-11-30');
 * // [{ code: 'AGENT_NO_MOBILE_PASSWORD', date: null }]
 */
export function agentAppReasons(agent: VisibilityAgent, today: string): TaskVisibilityReason[] {
  const reasons = agentActivityReasons(agent, today);
  if (!agent.mobileAccess) reasons.push({ code: 'AGENT_NO_APP_ACCESS', date: null });
  else if (!agent.hasMobilePassword) reasons.push({ code: 'AGENT_NO_MOBILE_PASSWORD', date: null });
  return reasons;
}

/**
 * Why a linked task does not show in the app today, from the task and its site alone: what the
 * agent app's task list filters on (`GET /api/agent/v1/tasks`).
 *
 * @example
 * taskReasons({ active: true, validFrom: null, validUntil: '2026-11-29' }, { active: true }, '2026-11-30');
 * // [{ code: 'TASK_ENDED', date: '2026-11-29' }]
 */
export function taskReasons(
  task: VisibilityTask,
  site: { active: boolean },
  today: string,
): TaskVisibilityReason[] {
  const reasons: TaskVisibilityReason[] = [];
  if (!task.active) reasons.push({ code: 'TASK_INACTIVE', date: null });
  if (task.validFrom && today < task.validFrom)
    reasons.push({ code: 'TASK_NOT_STARTED', date: task.validFrom });
  if (task.validUntil && today > task.validUntil) reasons.push({ code: 'TASK_ENDED', date: task.validUntil });
  if (!site.active) reasons.push({ code: 'SITE_INACTIVE', date: null });
  return reasons;
}

/**
 * Every reason why an agent does not see a task in the agent app today, in the order a manager
 * would fix them (the agent, the link, the task, the site). Empty means the task shows.
 *
 * @example
 * taskVisibilityReasons({ agent, task, site: { active: true }, linked: false, today: '2026-11-30' });
 * // [{ code: 'AGENT_NOT_LINKED', date: null }]
 */
export function taskVisibilityReasons(input: {
  agent: VisibilityAgent;
  task: VisibilityTask;
  site: { active: boolean };
  linked: boolean;
  today: string;
}): TaskVisibilityReason[] {
  return [
    ...agentAppReasons(input.agent, input.today),
    ...(input.linked ? [] : [{ code: 'AGENT_NOT_LINKED' as const, date: null }]),
    ...taskReasons(input.task, input.site, input.today),
  ];
}
