import { DomainError, type TaskGroupView } from '@ciao/domain';
import type { Db } from '../../db/client.js';
import { findTaskGroup, type TaskGroupRow } from './task-group-repository.js';

export function presentTaskGroup(row: TaskGroupRow): TaskGroupView {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    active: row.active,
    taskCount: row.taskCount,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function taskGroupAuditSnapshot(row: TaskGroupRow) {
  return { name: row.name, description: row.description, active: row.active };
}

/** The task group, or NOT_FOUND: another company's group is indistinguishable from a missing one. */
export async function requireTaskGroupRow(db: Db, tenantId: string, taskGroupId: string) {
  const row = await findTaskGroup(db, tenantId, taskGroupId);
  if (!row) throw new DomainError('NOT_FOUND', 'This task group does not exist.');
  return row;
}
