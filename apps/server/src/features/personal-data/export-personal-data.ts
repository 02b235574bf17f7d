import { canWriteAgentOfType, DomainError, type Language } from '@ciao/domain';
import { eq } from 'drizzle-orm';
import { tenants, webUsers } from '../../db/schema/index.js';
import type { AppContext } from '../../http/app-context.js';
import type { Caller } from '../../http/caller.js';
import { requireAgentRow } from '../agents/get-agent.js';
import { recordCallerAudit } from '../audit/audit-repository.js';
import { findUserOfAgent } from '../users/user-repository.js';
import { personalDataJson } from './personal-data-json.js';
import { personalDataPdf } from './personal-data-pdf.js';
import { personalDataTexts } from './personal-data-texts.js';

export type PersonalDataFormat = 'json' | 'pdf';

export interface PersonalDataFile {
  fileName: string;
  contentType: string;
  render(): AsyncIterable<Buffer>;
}

/**
 * Everything ciao holds about one agent, for a GDPR access request (answered within a month): the
 * identity with the full NISS (the person's own data), tasks, devices, sessions, registrations with
 * positions and ONSS statuses, work sessions and corrections, anomalies, audit entries. Only for
 * those who may edit this agent (who see the NISS anyway); another company's agent is NOT_FOUND.
 * Audited before the first byte: who took whose data, when, in which format.
 */
export async function exportPersonalData(
  ctx: AppContext,
  caller: Caller,
  agentId: string,
  format: PersonalDataFormat,
): Promise<PersonalDataFile> {
  const agent = await requireAgentRow(ctx.db, caller.tenantId, agentId);
  if (!canWriteAgentOfType(caller.role, agent.agentType)) {
    throw new DomainError(
      'RESTRICTED_AGENT_TYPE',
      `Only an administrator may export the personal data of an agent of type ${agent.agentType}.`,
    );
  }
  const [user] = await ctx.db
    .select({ displayName: webUsers.displayName, language: webUsers.language })
    .from(webUsers)
    .where(eq(webUsers.id, caller.userId))
    .limit(1);
  const [company] = await ctx.db
    .select({ name: tenants.name, code: tenants.code, timeZone: tenants.timeZone })
    .from(tenants)
    .where(eq(tenants.id, caller.tenantId))
    .limit(1);
  const agentUser = await findUserOfAgent(ctx.db, caller.tenantId, agentId);
  const subject = { tenantId: caller.tenantId, agentId, userId: agentUser?.id ?? null };
  const language = (user?.language && user.language in personalDataTexts ? user.language : 'fr') as Language;
  const header = {
    company: { name: company?.name ?? '', code: company?.code ?? '' },
    generatedAt: ctx.now(),
    generatedBy: { userId: caller.userId, displayName: user?.displayName ?? '' },
  };

  await recordCallerAudit(ctx.db, caller, {
    action: 'agent.personal_data_exported',
    entityType: 'agent',
    entityId: agentId,
    after: { format },
  });

  const baseName = `personal-data-${agent.identifier.toLowerCase().replace(/[^a-z0-9-]/g, '_')}-${header.generatedAt.toISOString().slice(0, 10)}`;
  if (format === 'pdf') {
    return {
      fileName: `${baseName}.pdf`,
      contentType: 'application/pdf',
      render: () =>
        personalDataPdf(ctx.db, subject, agent, header, language, company?.timeZone ?? 'Europe/Brussels'),
    };
  }
  return {
    fileName: `${baseName}.json`,
    contentType: 'application/json; charset=utf-8',
    render: () => personalDataJson(ctx.db, subject, agent, header),
  };
}
