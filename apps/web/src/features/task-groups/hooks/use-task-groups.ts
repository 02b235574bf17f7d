import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UpdateTaskGroupRequest } from '@ciao/domain';
import { createTaskGroup, listTaskGroups, updateTaskGroup } from '../api/task-groups-api';
import type { TaskGroupListParams } from '../api/task-groups-api';

// The tasks screen lists groups under the same key, so that a new group shows in its filters.
const taskGroupsKey = ['task-groups'] as const;

export function useTaskGroupList(params: TaskGroupListParams) {
  return useQuery({
    queryKey: [...taskGroupsKey, 'list', params],
    queryFn: ({ signal }) => listTaskGroups(params, signal),
    placeholderData: keepPreviousData,
  });
}

/** The task groups' mutations; each refreshes the groups (and the tasks, which show their group's name). */
export function useTaskGroupMutations() {
  const queryClient = useQueryClient();
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: taskGroupsKey });
    await queryClient.invalidateQueries({ queryKey: ['tasks'] });
  };
  return {
    create: useMutation({ mutationFn: createTaskGroup, onSuccess: refresh }),
    update: useMutation({
      mutationFn: ({ taskGroupId, body }: { taskGroupId: string; body: UpdateTaskGroupRequest }) =>
        updateTaskGroup(taskGroupId, body),
      onSuccess: refresh,
    }),
  };
}
