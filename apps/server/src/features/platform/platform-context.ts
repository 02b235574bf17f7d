import type { Db } from '../../db/client.js';
import type { AuditActor } from '../audit/audit-repository.js';

/**
 * What platform use-cases need: the database, the clock, and who acts (an operator through the
 * command line today, through the operator console later). No tenant: they act above tenants.
 */
export interface PlatformContext {
  db: Db;
  now: () => Date;
  actor: Extract<AuditActor, { type: 'operator' } | { type: 'system' }>;
}
