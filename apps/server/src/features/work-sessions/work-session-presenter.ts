import type { workSessions } from '../../db/schema/index.js';

export function presentWorkSession(row: {
  session: typeof workSessions.$inferSelect;
  agentIdentifier: string;
  agentFirstName: string;
  agentLastName: string;
  taskName: string;
  siteName: string;
}) {
  const { session } = row;
  return {
    id: session.id,
    agent: {
      id: session.agentId,
      identifier: row.agentIdentifier,
      name: `${row.agentFirstName} ${row.agentLastName}`,
    },
    task: { id: session.taskId, name: row.taskName },
    site: { id: session.siteId, name: row.siteName },
    workDate: session.workDate,
    state: session.state as 'WORKING' | 'ON_BREAK' | 'CLOSED',
    startedAt: session.startedAt.toISOString(),
    endedAt: session.endedAt?.toISOString() ?? null,
    workedSeconds: session.workedSeconds,
    breakSeconds: session.breakSeconds,
    breakCount: session.breakCount,
    correction: session.corrected
      ? {
          startedAt: session.correctedStartedAt?.toISOString() ?? null,
          endedAt: session.correctedEndedAt?.toISOString() ?? null,
          workedSeconds: session.correctedWorkedSeconds,
          breakSeconds: session.correctedBreakSeconds,
        }
      : null,
  };
}
