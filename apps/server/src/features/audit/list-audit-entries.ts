import type { AuditQuery } from '@ciao/domain';
import type { AppContext } from '../../http/app-context.js';
import type { Caller } from '../../http/caller.js';
import { findUserNames } from '../users/user-repository.js';
import { listAudit } from './audit-repository.js';

/**
 * One page of the company's audit trail, newest first, with its actors' names and the next page's
 * cursor. One row more than asked is read to know whether an older page exists.
 */
export async function listAuditEntries(ctx: AppContext, caller: Caller, query: AuditQuery) {
  const rows = await listAudit(ctx.db, caller.tenantId, {
    from: query.from ? new Date(query.from) : undefined,
    to: query.to ? new Date(query.to) : undefined,
    action: query.action,
    actorId: query.actorId,
    entityType: query.entityType,
    entityId: query.entityId,
    beforeId: query.before,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const userIds = page.filter((row) => row.actorType === 'user' && row.actorId).map((row) => row.actorId!);
  const names = await findUserNames(ctx.db, caller.tenantId, [...new Set(userIds)]);
  const nextCursor = rows.length > query.limit ? (page.at(-1)?.id ?? null) : null;
  return { rows: page, actorNames: names, nextCursor };
}
