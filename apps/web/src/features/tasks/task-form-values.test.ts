import { createTaskRequest, updateTaskRequest } from '@ciao/domain';
import type { TaskView } from '@ciao/domain';
import { describe, expect, it } from 'vitest';
import { addScheduleRow } from './schedule-rows';
import {
  EMPTY_TASK,
  scheduleRowError,
  taskFieldErrorText,
  taskRequestBody,
  taskRuleErrors,
  taskToForm,
} from './task-form-values';

const siteId = '0b6b8e9a-3c1f-4d2e-9a7b-5c6d7e8f9a0b';
const task: TaskView = {
  id: '6f1d1f4e-1a2b-4c3d-8e9f-0a1b2c3d4e5f',
  siteId,
  siteName: 'Louise 231',
  clientId: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
  clientName: 'Immo Louise',
  groupId: null,
  groupName: null,
  name: 'Nettoyage matinal',
  description: null,
  active: true,
  schedule: [
    { weekday: 2, start: '06:00', end: '09:00' },
    { weekday: 1, start: '06:00', end: '09:00' },
  ],
  validFrom: '2026-01-01',
  validUntil: null,
  agentCount: 2,
  createdAt: '2026-01-01T08:00:00.000Z',
  updatedAt: '2026-01-01T08:00:00.000Z',
};

describe('taskRequestBody', () => {
  it('builds a creation body the shared contract accepts', () => {
    const values = { ...EMPTY_TASK, siteId, name: ' Vitres ', schedule: addScheduleRow([]) };
    const parsed = createTaskRequest.parse(taskRequestBody(values));
    expect(parsed).toMatchObject({
      siteId,
      groupId: null,
      name: 'Vitres',
      description: null,
      active: true,
      schedule: [{ weekday: 1, start: '08:00', end: '12:00' }],
      validFrom: null,
      validUntil: null,
    });
  });

  it('lets the contract point at the missing site and a half-typed time', () => {
    const schedule = addScheduleRow([]).map((row) => ({ ...row, end: '' }));
    const result = createTaskRequest.safeParse(taskRequestBody({ ...EMPTY_TASK, name: 'x', schedule }));
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['siteId', 'schedule.0.end']);
  });

  it('sends only what changed on edition: the schedule whole, both dates together', () => {
    const initial = taskToForm(task);
    expect(initial.schedule.map((row) => row.weekday)).toEqual(['1', '2']);
    expect(taskRequestBody(initial, initial)).toEqual({});
    expect(taskRequestBody({ ...initial, name: 'Nettoyage matinal ' }, initial)).toEqual({});

    const body = taskRequestBody(
      { ...initial, schedule: addScheduleRow(initial.schedule), validUntil: '2026-12-31', groupId: '' },
      initial,
    );
    expect(body).toEqual({
      schedule: [
        { weekday: 1, start: '06:00', end: '09:00' },
        { weekday: 2, start: '06:00', end: '09:00' },
        { weekday: 3, start: '06:00', end: '09:00' },
      ],
      validFrom: '2026-01-01',
      validUntil: '2026-12-31',
    });
    expect(updateTaskRequest.safeParse(body).success).toBe(true);
  });
});

describe('taskRuleErrors', () => {
  it('finds a slot given twice and a validity that ends before it starts', () => {
    const initial = taskToForm(task);
    expect(taskRuleErrors(initial)).toEqual({});
    const twice = [...initial.schedule, { ...initial.schedule[0]!, key: 'copy' }];
    const errors = taskRuleErrors({ ...initial, schedule: twice, validUntil: '2025-12-31' });
    expect(errors).toEqual({ 'schedule.2': 'DUPLICATE_SLOT', validUntil: 'DATE_RANGE' });
    expect(scheduleRowError(errors, 2)).toEqual(['schedule.2', 'DUPLICATE_SLOT']);
    expect(scheduleRowError(errors, 0)).toBeUndefined();
    // The same day is a valid one-day validity.
    expect(taskRuleErrors({ ...initial, validUntil: '2026-01-01' })).toEqual({});
  });
});

describe('taskFieldErrorText', () => {
  const t = (key: string, options?: Record<string, unknown>) =>
    options ? `${key} ${JSON.stringify(options)}` : key;

  it('explains the task rules and falls back on the shared field texts', () => {
    expect(taskFieldErrorText(t, 'siteId', 'INVALID_FORMAT')).toBe('tasks.errors.siteRequired');
    expect(taskFieldErrorText(t, 'siteId', 'SITE_NOT_FOUND')).toBe('tasks.errors.siteNotFound');
    expect(taskFieldErrorText(t, 'groupId', 'TASK_GROUP_NOT_FOUND')).toBe('tasks.errors.groupNotFound');
    expect(taskFieldErrorText(t, 'schedule.4', 'DUPLICATE_SLOT')).toBe('tasks.errors.duplicateSlot');
    expect(taskFieldErrorText(t, 'schedule', 'TOO_BIG')).toBe('tasks.errors.tooManySlots {"max":21}');
    expect(taskFieldErrorText(t, 'schedule.0.end', 'INVALID_FORMAT')).toBe('tasks.errors.time');
    expect(taskFieldErrorText(t, 'validUntil', 'DATE_RANGE')).toBe('tasks.errors.dateRange');
    expect(taskFieldErrorText(t, 'name', 'TOO_SMALL', '  ')).toBe('fields.required');
    expect(taskFieldErrorText(t, 'agentIds.0', 'AGENT_NOT_FOUND')).toBe('tasks.errors.agentNotFound');
  });
});
