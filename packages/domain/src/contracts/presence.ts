import { z } from 'zod';
import { isoDate, isoInstant } from './common.js';

const presenceAgent = z.object({
  id: z.uuid(),
  identifier: z.string(),
  firstName: z.string(),
  lastName: z.string(),
});
const presencePlace = {
  agent: presenceAgent,
  task: z.object({ id: z.uuid(), name: z.string() }),
  site: z.object({ id: z.uuid(), name: z.string() }),
  client: z.object({ id: z.uuid(), name: z.string() }),
};

/**
 * An agent on site now: an open work session, working or on break since the last registration.
 *
 * @example
 * presentAgentView.shape.since;
 */
export const presentAgentView = z.object({
  workSessionId: z.uuid(),
  ...presencePlace,
  state: z.enum(['working', 'on_break']),
  /** When the current state began: the arrival, the start of the break, or the return from it. */
  since: isoInstant,
  arrivedAt: isoInstant,
});

export type PresentAgentView = z.infer<typeof presentAgentView>;

/**
 * Where an expected agent stands for a planned period: `upcoming` (not started yet), `awaited` (started,
 * within the grace time) or `no_show` (the grace time has passed: the no-show anomaly's rule).
 */
export const expectedStatuses = ['upcoming', 'awaited', 'no_show'] as const;

/**
 * An agent planned now or today on a task who has not arrived for that period, by the same rule as
 * the NO_SHOW anomaly.
 *
 * @example
 * expectedAgentView.shape.plannedStart;
 */
export const expectedAgentView = z.object({
  ...presencePlace,
  plannedStart: isoInstant,
  plannedEnd: isoInstant,
  status: z.enum(expectedStatuses),
});

export type ExpectedAgentView = z.infer<typeof expectedAgentView>;

/**
 * The live board's picture of the caller's company at `asOf`: who is on site, and who is planned
 * now or today but has not arrived. The SSE stream (`/api/presence/stream`) says when to fetch it again.
 *
 * @example
 * presenceSnapshot.shape.present;
 */
export const presenceSnapshot = z.object({
  asOf: isoInstant,
  /** Today in the company's time zone. */
  date: isoDate,
  timeZone: z.string(),
  present: z.array(presentAgentView),
  expected: z.array(expectedAgentView),
});

export type PresenceSnapshot = z.infer<typeof presenceSnapshot>;

/**
 * What the presence stream says, as the `data` of its `presence` events: something changed for
 * that agent; the board fetches the snapshot again. No names, no positions: the snapshot has them.
 *
 * @example
 * presenceChange.parse({ kind: 'clock_event', agentId, siteId, taskId, state: 'WORKING', at });
 */
export const presenceChange = z.object({
  kind: z.enum(['clock_event', 'correction']),
  agentId: z.uuid(),
  siteId: z.uuid(),
  taskId: z.uuid(),
  state: z.enum(['OFF', 'WORKING', 'ON_BREAK']),
  at: isoInstant,
});

export type PresenceChange = z.infer<typeof presenceChange>;
