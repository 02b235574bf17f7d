import type { AuditEntry } from '@ciao/domain';
import type { auditLog } from '../../db/schema/index.js';

export function presentAuditEntry(row: typeof auditLog.$inferSelect, names: Map<string, string>): AuditEntry {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actor: {
      type: row.actorType,
      id: row.actorId,
      name: row.actorType === 'user' && row.actorId ? (names.get(row.actorId) ?? null) : null,
    },
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    before: row.before,
    after: row.after,
    ip: row.ip,
    requestId: row.requestId,
  };
}
