import type { agentHistoryResponse, agentTask } from '@ciao/domain';
import type { z } from 'zod';

export type AgentTask = z.infer<typeof agentTask>;
export type HistoryEvent = z.infer<typeof agentHistoryResponse>['events'][number];

/** The signed-in agent on this phone. */
export interface AgentSessionInfo {
  agentId: string;
  token: string;
  name: string;
  company: { code: string; name: string } | undefined;
}
