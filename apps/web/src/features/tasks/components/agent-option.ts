import type { AgentListItem } from '@ciao/domain';
import type { ComboboxOption } from '../../../components/search-combobox';
import type { LinkedAgent } from '../linked-agents';

/** An agent as a choice of the agent search boxes, keeping what the chips and checks need. */
export interface AgentOption extends ComboboxOption {
  agent: LinkedAgent;
}

export function agentOption(agent: AgentListItem): AgentOption {
  return {
    id: agent.id,
    label: `${agent.lastName} ${agent.firstName}`,
    detail: agent.identifier,
    agent: {
      id: agent.id,
      identifier: agent.identifier,
      firstName: agent.firstName,
      lastName: agent.lastName,
    },
  };
}
