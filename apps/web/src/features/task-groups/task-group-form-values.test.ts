import { createTaskGroupRequest, updateTaskGroupRequest } from '@ciao/domain';
import type { TaskGroupView } from '@ciao/domain';
import { describe, expect, it } from 'vitest';
import { EMPTY_TASK_GROUP, taskGroupRequestBody, taskGroupToForm } from './task-group-form-values';

const group: TaskGroupView = {
  id: '6f1d1f4e-1a2b-4c3d-8e9f-0a1b2c3d4e5f',
  name: 'Bureaux',
  description: null,
  active: true,
  taskCount: 3,
  createdAt: '2026-01-01T08:00:00.000Z',
  updatedAt: '2026-01-01T08:00:00.000Z',
};

describe('taskGroupRequestBody', () => {
  it('builds a creation body the shared contract accepts, a blank description as null', () => {
    const body = taskGroupRequestBody({ ...EMPTY_TASK_GROUP, name: ' Hôpitaux ', description: '  ' });
    expect(createTaskGroupRequest.parse(body)).toEqual({ name: 'Hôpitaux', description: null, active: true });
  });

  it('lets the contract refuse a blank name', () => {
    const result = createTaskGroupRequest.safeParse(taskGroupRequestBody(EMPTY_TASK_GROUP));
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['name']);
  });

  it('sends only what changed on edition', () => {
    const initial = taskGroupToForm(group);
    expect(initial.description).toBe('');
    expect(taskGroupRequestBody(initial, initial)).toEqual({});
    expect(taskGroupRequestBody({ ...initial, name: 'Bureaux ' }, initial)).toEqual({});
    const body = taskGroupRequestBody({ ...initial, description: 'Open space', active: false }, initial);
    expect(body).toEqual({ description: 'Open space', active: false });
    expect(updateTaskGroupRequest.parse(body)).toEqual(body);
  });
});
