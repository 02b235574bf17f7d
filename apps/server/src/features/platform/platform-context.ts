import type { Db } from '../../db/client.js';
import type { AuditActor } from '../audit/audit-repository.js';

/**
 * What platform use-cases need: the database, the clock, and who acts (an operator through the
 * command line or through the operator console). No tenant: they act above tenants.
 */
export interface PlatformContext {
  db: Db;
  now: () => Date;
  actor: Extract<AuditActor, { type: 'operator' } | { type: 'system' }>;
  /** Where a console request came from, for the audit trail (the CLI has none). */
  origin?: { ip: string; requestId: string };
}
