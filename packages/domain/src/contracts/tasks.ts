import { z } from 'zod';
import { booleanQuery, isoDate, isoInstant, listQuery, optionalText, pageOf } from './common.js';

/** The most slots a weekly schedule may hold: three a day. */
export const MAX_SCHEDULE_SLOTS = 21;

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'is a time HH:MM between 00:00 and 23:59');

/**
 * One weekly slot: ISO weekday (1 = Monday … 7 = Sunday) and local times. An end at or before the
 * start crosses midnight (22:00–06:00 ends the next morning).
 *
 * @example
 * scheduleSlot.parse({ weekday: 1, start: '22:00', end: '06:00' });
 */
export const scheduleSlot = z.object({
  weekday: z.number().int('must be a whole number').min(1, 'is 1 (Monday) to 7').max(7, 'is 1 to 7 (Sunday)'),
  start: time,
  end: time,
});

export type ScheduleSlotInput = z.output<typeof scheduleSlot>;

/**
 * A weekly schedule: at most {@link MAX_SCHEDULE_SLOTS} slots; the server refuses a slot given twice
 * (`DUPLICATE_SLOT`).
 *
 * @example
 * weeklySchedule.parse([{ weekday: 1, start: '06:00', end: '09:00' }]);
 */
export const weeklySchedule = z
  .array(scheduleSlot)
  .max(MAX_SCHEDULE_SLOTS, `holds at most ${MAX_SCHEDULE_SLOTS} slots`);

const name = z.string().trim().min(1, 'is required').max(200, 'must be at most 200 characters');

const taskFields = {
  siteId: z.uuid(),
  groupId: z.uuid().nullable(),
  name,
  description: optionalText(2000),
  active: z.boolean(),
  schedule: weeklySchedule,
  validFrom: isoDate.nullable(),
  validUntil: isoDate.nullable(),
};

/**
 * A task on a site. `validUntil` must be on or after `validFrom` (`DATE_RANGE`, checked by the
 * server against the stored dates on a change too).
 *
 * @example
 * createTaskRequest.parse({ siteId, name: 'Morning cleaning', schedule: [{ weekday: 1, start: '06:00', end: '09:00' }] });
 */
export const createTaskRequest = z.object({
  ...taskFields,
  groupId: taskFields.groupId.optional(),
  description: taskFields.description.optional(),
  active: z.boolean().default(true),
  schedule: weeklySchedule.default([]),
  validFrom: taskFields.validFrom.optional(),
  validUntil: taskFields.validUntil.optional(),
});

export type CreateTaskRequest = z.output<typeof createTaskRequest>;

/**
 * Only the fields sent change; `schedule` is replaced as a whole.
 *
 * @example
 * updateTaskRequest.parse({ active: false });
 */
export const updateTaskRequest = z.object(taskFields).partial();

export type UpdateTaskRequest = z.output<typeof updateTaskRequest>;

/**
 * @example
 * taskListQuery.parse({ siteId, active: 'true' });
 */
export const taskListQuery = listQuery(['name', 'createdAt'] as const, 'name').extend({
  siteId: z.uuid().optional(),
  clientId: z.uuid().optional(),
  groupId: z.uuid().optional(),
  agentId: z.uuid().optional(),
  active: booleanQuery.optional(),
});

export type TaskListQuery = z.output<typeof taskListQuery>;

/** @example taskView.shape.schedule; */
export const taskView = z.object({
  id: z.uuid(),
  siteId: z.uuid(),
  siteName: z.string(),
  clientId: z.uuid(),
  clientName: z.string(),
  groupId: z.uuid().nullable(),
  groupName: z.string().nullable(),
  name: z.string(),
  description: z.string().nullable(),
  active: z.boolean(),
  schedule: z.array(scheduleSlot),
  validFrom: z.string().nullable(),
  validUntil: z.string().nullable(),
  agentCount: z.number().int(),
  createdAt: isoInstant,
  updatedAt: isoInstant,
});

export type TaskView = z.infer<typeof taskView>;

/** @example taskPage.shape.items; */
export const taskPage = pageOf(taskView);

/**
 * The full list of agents linked to a task: the links not in it are removed.
 *
 * @example
 * setTaskAgentsRequest.parse({ agentIds: [agentId] });
 */
export const setTaskAgentsRequest = z.object({
  agentIds: z
    .array(z.uuid())
    .max(1000, 'holds at most 1000 agents')
    .refine((ids) => new Set(ids).size === ids.length, { message: 'lists an agent twice' }),
});

export type SetTaskAgentsRequest = z.output<typeof setTaskAgentsRequest>;

/** @example taskAgentView.shape.identifier; */
export const taskAgentView = z.object({
  id: z.uuid(),
  identifier: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  active: z.boolean(),
  mobileAccess: z.boolean(),
});

/** @example taskAgentList.shape.items; */
export const taskAgentList = z.object({ items: z.array(taskAgentView) });
