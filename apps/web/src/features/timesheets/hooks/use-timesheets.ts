import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  correctWorkSession,
  getTimesheets,
  getWorkSession,
  listAgentChoices,
  listDaySessions,
  listSiteChoices,
} from '../api/timesheets-api';

export function useTimesheets(
  params: { from: string; to: string; agentId?: string; siteId?: string; page?: number },
  enabled = true,
) {
  return useQuery({
    enabled,
    queryKey: ['timesheets', params],
    queryFn: ({ signal }) => getTimesheets({ pageSize: 50, ...params }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useDaySessions(agentId: string, date: string) {
  return useQuery({
    queryKey: ['work-sessions', 'day', agentId, date],
    queryFn: ({ signal }) => listDaySessions(agentId, date, signal),
  });
}

export function useWorkSession(id: string) {
  return useQuery({
    queryKey: ['work-sessions', 'one', id],
    queryFn: ({ signal }) => getWorkSession(id, signal),
  });
}

/** A correction; the timesheets and sessions are fetched again, so that every view shows it. */
export function useCorrectWorkSession(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Parameters<typeof correctWorkSession>[1]) => correctWorkSession(id, body),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['timesheets'] }),
        queryClient.invalidateQueries({ queryKey: ['work-sessions'] }),
      ]);
    },
  });
}

export function useTimesheetChoices() {
  return {
    agents: useQuery({
      queryKey: ['timesheets', 'choices', 'agents'],
      queryFn: ({ signal }) => listAgentChoices(signal),
    }),
    sites: useQuery({
      queryKey: ['timesheets', 'choices', 'sites'],
      queryFn: ({ signal }) => listSiteChoices(signal),
    }),
  };
}
