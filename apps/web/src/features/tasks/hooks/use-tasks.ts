import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UpdateTaskRequest } from '@ciao/domain';
import {
  createTask,
  getTask,
  listTaskAgents,
  listTaskGroupChoices,
  listTasks,
  searchSites,
  setTaskAgents,
  updateTask,
} from '../api/tasks-api';
import type { TaskListParams } from '../api/tasks-api';

const tasksKey = ['tasks'] as const;

export function useTaskList(params: TaskListParams) {
  return useQuery({
    queryKey: [...tasksKey, 'list', params],
    queryFn: ({ signal }) => listTasks(params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useTask(taskId: string | undefined) {
  return useQuery({
    queryKey: [...tasksKey, 'one', taskId],
    queryFn: ({ signal }) => getTask(taskId ?? '', signal),
    enabled: taskId !== undefined,
  });
}

export function useTaskAgents(taskId: string) {
  return useQuery({
    queryKey: [...tasksKey, 'agents', taskId],
    queryFn: ({ signal }) => listTaskAgents(taskId, signal),
  });
}

/** The task groups to pick from; under the task groups' key, so a new group shows at once. */
export function useTaskGroupChoices() {
  return useQuery({
    queryKey: ['task-groups', 'choices'],
    queryFn: ({ signal }) => listTaskGroupChoices(signal),
  });
}

/** Every site, for the list's site filter (a select: the largest page the server gives). */
export function useSiteChoices() {
  return useQuery({
    queryKey: ['sites', 'choices'],
    queryFn: ({ signal }) => searchSites({ pageSize: 200 }, signal),
  });
}

/** The tasks' mutations; each refreshes the tasks (and the groups, which count their tasks). */
export function useTaskMutations() {
  const queryClient = useQueryClient();
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: tasksKey });
    await queryClient.invalidateQueries({ queryKey: ['task-groups'] });
  };
  return {
    create: useMutation({ mutationFn: createTask, onSuccess: refresh }),
    update: useMutation({
      mutationFn: ({ taskId, body }: { taskId: string; body: UpdateTaskRequest }) => updateTask(taskId, body),
      onSuccess: refresh,
    }),
    setAgents: useMutation({
      mutationFn: ({ taskId, agentIds }: { taskId: string; agentIds: string[] }) =>
        setTaskAgents(taskId, agentIds),
      onSuccess: (saved, { taskId }) => {
        queryClient.setQueryData([...tasksKey, 'agents', taskId], saved);
        return queryClient.invalidateQueries({ queryKey: tasksKey });
      },
    }),
  };
}
