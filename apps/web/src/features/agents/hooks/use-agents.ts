import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UpdateAgentRequest } from '@ciao/domain';
import {
  createAgent,
  getAgent,
  listAgentTasks,
  listAgents,
  listSubcontractors,
  setAgentMobilePassword,
  updateAgent,
} from '../api/agents-api';
import type { AgentListParams } from '../api/agents-api';

const agentsKey = ['agents'] as const;

export function useAgentList(params: AgentListParams) {
  return useQuery({
    queryKey: [...agentsKey, 'list', params],
    queryFn: ({ signal }) => listAgents(params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useAgent(agentId: string | undefined) {
  return useQuery({
    queryKey: [...agentsKey, 'one', agentId],
    queryFn: ({ signal }) => getAgent(agentId ?? '', signal),
    enabled: agentId !== undefined,
  });
}

/** The tasks an agent is linked to, each with whether the agent app shows it today and why not. */
export function useAgentTasks(agentId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...agentsKey, 'tasks', agentId],
    queryFn: ({ signal }) => listAgentTasks(agentId, signal),
    enabled,
  });
}

/** The subcontractors an agent may work for (only fetched by those who edit agents). */
export function useSubcontractors(enabled: boolean) {
  return useQuery({
    queryKey: ['subcontractors', 'active'],
    queryFn: ({ signal }) => listSubcontractors(signal),
    enabled,
  });
}

/** The agents' mutations; each refreshes the agents once it is done. */
export function useAgentMutations() {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: agentsKey });
  return {
    create: useMutation({ mutationFn: createAgent, onSuccess: refresh }),
    update: useMutation({
      mutationFn: ({ agentId, body }: { agentId: string; body: UpdateAgentRequest }) =>
        updateAgent(agentId, body),
      onSuccess: refresh,
    }),
    setMobilePassword: useMutation({
      mutationFn: ({ agentId, password }: { agentId: string; password: string }) =>
        setAgentMobilePassword(agentId, password),
      onSuccess: refresh,
    }),
  };
}
