import type { Role } from '@ciao/domain';
import type { FastifyRequest } from 'fastify';
import { requireUser } from './authenticate.js';

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
