import type { TaskView } from '@ciao/domain';
import type { TaskRow } from './task-repository.js';

export function presentTask(row: TaskRow): TaskView {
  return {
    id: row.id,
    siteId: row.siteId,
    siteName: row.siteName,
    clientId: row.clientId,
    clientName: row.clientName,
    groupId: row.groupId,
    groupName: row.groupName,
    name: row.name,
    description: row.description,
    active: row.active,
    schedule: row.schedule,
    validFrom: row.validFrom,
    validUntil: row.validUntil,
    agentCount: row.agentCount,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function taskAuditSnapshot(row: TaskRow) {
  return {
    siteId: row.siteId,
    groupId: row.groupId,
    name: row.name,
    description: row.description,
    active: row.active,
    schedule: row.schedule,
    validFrom: row.validFrom,
    validUntil: row.validUntil,
  };
}
