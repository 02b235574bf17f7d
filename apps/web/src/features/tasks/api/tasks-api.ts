import {
  agentPage,
  sitePage,
  taskAgentList,
  taskGroupPage,
  taskPage,
  taskView,
  taskVisibilityView,
} from '@ciao/domain';
import type { CreateTaskRequest, TaskView, TaskVisibilityView, UpdateTaskRequest } from '@ciao/domain';
import type { z } from 'zod';
import { api, queryString } from '../../../lib/api';

export type TaskPage = z.output<typeof taskPage>;
export type TaskAgentList = z.output<typeof taskAgentList>;
export type SitePage = z.output<typeof sitePage>;
export type TaskGroupPage = z.output<typeof taskGroupPage>;
export type AgentPage = z.output<typeof agentPage>;

/** A list query as `useListState` builds it: search, page, sort, order and filters. */
export type TaskListParams = Record<string, string | number>;

/** `GET /api/tasks?q=&page=&sort=&order=&siteId=&groupId=&active=` (tasks.read). */
export function listTasks(params: TaskListParams, signal?: AbortSignal): Promise<TaskPage> {
  return api.get(`/api/tasks${queryString(params)}`, taskPage, { signal });
}

export function getTask(taskId: string, signal?: AbortSignal): Promise<TaskView> {
  return api.get(`/api/tasks/${encodeURIComponent(taskId)}`, taskView, { signal });
}

export function createTask(body: CreateTaskRequest): Promise<TaskView> {
  return api.post('/api/tasks', taskView, body);
}

export function updateTask(taskId: string, body: UpdateTaskRequest): Promise<TaskView> {
  return api.patch(`/api/tasks/${encodeURIComponent(taskId)}`, taskView, body);
}

/** The agents linked to a task. */
export function listTaskAgents(taskId: string, signal?: AbortSignal): Promise<TaskAgentList> {
  return api.get(`/api/tasks/${encodeURIComponent(taskId)}/agents`, taskAgentList, { signal });
}

/** Replaces the task's agents with exactly these. */
export function setTaskAgents(taskId: string, agentIds: string[]): Promise<TaskAgentList> {
  return api.put(`/api/tasks/${encodeURIComponent(taskId)}/agents`, taskAgentList, { agentIds });
}

/** Sites by name, client or address (`GET /api/sites`, sites.read). */
export function searchSites(
  params: { q?: string; active?: boolean; pageSize?: number },
  signal?: AbortSignal,
): Promise<SitePage> {
  return api.get(`/api/sites${queryString({ sort: 'name', ...params })}`, sitePage, { signal });
}

/** The task groups, for the task form and the list filter (few per company: one page). */
export function listTaskGroupChoices(signal?: AbortSignal): Promise<TaskGroupPage> {
  return api.get(`/api/task-groups${queryString({ sort: 'name', pageSize: 200 })}`, taskGroupPage, {
    signal,
  });
}

/** Agents by identifier or name (`GET /api/agents?q=`, agents.read), to link or to check. */
export function searchAgents(q: string, signal?: AbortSignal): Promise<AgentPage> {
  return api.get(`/api/agents${queryString({ q, pageSize: 20, sort: 'lastName' })}`, agentPage, { signal });
}

/** Why an agent does or does not see a task in the agent app today. */
export function getTaskVisibility(
  agentId: string,
  taskId: string,
  signal?: AbortSignal,
): Promise<TaskVisibilityView> {
  return api.get(
    `/api/agents/${encodeURIComponent(agentId)}/task-visibility${queryString({ taskId })}`,
    taskVisibilityView,
    { signal },
  );
}
