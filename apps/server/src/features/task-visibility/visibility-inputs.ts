import { can, localDate, type VisibilityAgent } from '@ciao/domain';
import type { Db } from '../../db/client.js';
import type { Caller } from '../../http/caller.js';
import { requireAgentRow } from '../agents/get-agent.js';
import { findCompany } from '../company/company-repository.js';

/**
 * The agent as the visibility rules see it, and "today" in the company's time zone. A role that may
 * not see agents' credentials (the supervisor) does not learn whether a mobile password is set:
 * the rules then take it as set, and the answer says so (`credentialsChecked: false`).
 */
export async function visibilityAgent(db: Db, caller: Caller, agentId: string, now: Date) {
  const agent = await requireAgentRow(db, caller.tenantId, agentId);
  const company = await findCompany(db, caller.tenantId);
  const today = localDate(now, company?.timeZone ?? 'Europe/Brussels');
  const credentialsChecked = can(caller.role, 'agentCredentials.read');
  const rules: VisibilityAgent = {
    active: agent.active,
    activeFrom: agent.activeFrom,
    activeUntil: agent.activeUntil,
    mobileAccess: agent.mobileAccess,
    hasMobilePassword: credentialsChecked ? agent.hasMobilePassword : true,
  };
  return { agent: rules, today, timeZone: company?.timeZone ?? 'Europe/Brussels', credentialsChecked };
}
