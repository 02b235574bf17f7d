import { agentPage, agentTaskList, agentView, subcontractorPage } from '@ciao/domain';
import type { AgentTaskList, AgentView, CreateAgentRequest, UpdateAgentRequest } from '@ciao/domain';
import { z } from 'zod';
import { api, queryString } from '../../../lib/api';

export type AgentPage = z.output<typeof agentPage>;
export type SubcontractorPage = z.output<typeof subcontractorPage>;

/** A list query as `useListState` builds it: search, page, sort, order and filters. */
export type AgentListParams = Record<string, string | number>;

/** `GET /api/agents?q=&page=&sort=&order=&active=…` (agents.read); the NISS comes masked. */
export function listAgents(params: AgentListParams, signal?: AbortSignal): Promise<AgentPage> {
  return api.get(`/api/agents${queryString(params)}`, agentPage, { signal });
}

/** One agent in full: the NISS is whole for roles that may edit agents. */
export function getAgent(agentId: string, signal?: AbortSignal): Promise<AgentView> {
  return api.get(`/api/agents/${encodeURIComponent(agentId)}`, agentView, { signal });
}

export function createAgent(body: CreateAgentRequest): Promise<AgentView> {
  return api.post('/api/agents', agentView, body);
}

export function updateAgent(agentId: string, body: UpdateAgentRequest): Promise<AgentView> {
  return api.patch(`/api/agents/${encodeURIComponent(agentId)}`, agentView, body);
}

/** Sets or resets the agent-app password (never read back); the agent is signed out of the app. */
export function setAgentMobilePassword(agentId: string, password: string): Promise<null> {
  return api.put(`/api/agents/${encodeURIComponent(agentId)}/mobile-password`, z.null(), { password });
}

/** The active subcontractors, to pick an agent's employer. */
export function listSubcontractors(signal?: AbortSignal): Promise<SubcontractorPage> {
  return api.get(`/api/subcontractors${queryString({ active: true, pageSize: 100 })}`, subcontractorPage, {
    signal,
  });
}

/** `GET /api/agents/:agentId/tasks` (tasks.read): the tasks the agent is linked to, with whether the app shows each today. */
export function listAgentTasks(agentId: string, signal?: AbortSignal): Promise<AgentTaskList> {
  return api.get(`/api/agents/${encodeURIComponent(agentId)}/tasks`, agentTaskList, { signal });
}
