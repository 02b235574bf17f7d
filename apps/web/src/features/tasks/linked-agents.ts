/** An agent as the linked-agents chips show it. */
export interface LinkedAgent {
  id: string;
  identifier: string;
  firstName: string;
  lastName: string;
}

/** The list with the agent added once, in name order (a long list stays easy to scan). */
export function addLinkedAgent(agents: readonly LinkedAgent[], agent: LinkedAgent): LinkedAgent[] {
  if (agents.some((linked) => linked.id === agent.id)) return [...agents];
  return [...agents, agent].sort(
    (a, b) => a.lastName.localeCompare(b.lastName) || a.firstName.localeCompare(b.firstName),
  );
}

export function removeLinkedAgent(agents: readonly LinkedAgent[], agentId: string): LinkedAgent[] {
  return agents.filter((agent) => agent.id !== agentId);
}

/** Whether two lists link the same agents, whatever their order: nothing to save then. */
export function sameLinkedAgents(a: readonly LinkedAgent[], b: readonly LinkedAgent[]): boolean {
  if (a.length !== b.length) return false;
  const ids = new Set(a.map((agent) => agent.id));
  return b.every((agent) => ids.has(agent.id));
}

/** "Dupont Jean (JDUPONT)". */
export function linkedAgentName(agent: LinkedAgent): string {
  return `${agent.lastName} ${agent.firstName} (${agent.identifier})`;
}
