import { taskGroupPage, taskGroupView } from '@ciao/domain';
import type { CreateTaskGroupRequest, TaskGroupView, UpdateTaskGroupRequest } from '@ciao/domain';
import type { z } from 'zod';
import { api, queryString } from '../../../lib/api';

export type TaskGroupPage = z.output<typeof taskGroupPage>;

/** A list query as `useListState` builds it: search, page, sort, order and filters. */
export type TaskGroupListParams = Record<string, string | number>;

/** `GET /api/task-groups?q=&page=&sort=&order=&active=` (taskGroups.read). */
export function listTaskGroups(params: TaskGroupListParams, signal?: AbortSignal): Promise<TaskGroupPage> {
  return api.get(`/api/task-groups${queryString(params)}`, taskGroupPage, { signal });
}

export function createTaskGroup(body: CreateTaskGroupRequest): Promise<TaskGroupView> {
  return api.post('/api/task-groups', taskGroupView, body);
}

export function updateTaskGroup(taskGroupId: string, body: UpdateTaskGroupRequest): Promise<TaskGroupView> {
  return api.patch(`/api/task-groups/${encodeURIComponent(taskGroupId)}`, taskGroupView, body);
}
