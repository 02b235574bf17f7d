import type { Role } from '@ciao/domain';
import type { FastifyRequest } from 'fastify';
import type { AuditActor } from '../features/audit/audit-repository.js';
import { requireApiKey, requireUser } from './authenticate.js';

/**
 * The signed-in web user behind an administration request, as use-cases need it: the tenant that
 * scopes every query, the role that some rules depend on, and what the audit trail records.
 */
export interface Caller {
  tenantId: string;
  userId: string;
  role: Role;
  ip: string;
  requestId: string;
  /** Who the audit trail names when it is not the web user `userId` (an API key). */
  actor?: AuditActor;
}

export function callerOf(request: FastifyRequest): Caller {
  const user = requireUser(request);
  return {
    tenantId: user.tenantId,
    userId: user.userId,
    role: user.role,
    ip: request.ip,
    requestId: request.id,
  };
}

/**
 * An API key's request, as the same use-cases need it. A key writes what an administrative manager
 * may (clients, sites, tasks, agents but not ADM/GST ones, never users or roles), and the audit rows
 * name the key. `userId` holds the key's id so that a use-case which would record a user by it
 * fails loudly (foreign key) rather than blame a person.
 */
export function apiKeyCallerOf(request: FastifyRequest): Caller {
  const key = requireApiKey(request);
  return {
    tenantId: key.tenantId,
    userId: key.apiKeyId,
    role: 'ADMIN_MANAGER',
    ip: request.ip,
    requestId: request.id,
    actor: { type: 'api_key', id: key.apiKeyId },
  };
}
