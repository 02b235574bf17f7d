import { DomainError, type InvitationView } from '@ciao/domain';
import { eq } from 'drizzle-orm';
import { tenants } from '../../db/schema/index.js';
import type { AppContext } from '../../http/app-context.js';
import type { Caller } from '../../http/caller.js';
import { recordCallerAudit } from '../audit/audit-repository.js';
import { issuePasswordLink } from '../password-links/issue-password-link.js';
import { requireUserRow } from './get-user.js';

/**
 * An administrator invites a user: an e-mail with a link (valid 7 days, single use) to choose a
 * password. Sending it again replaces the previous link. The user keeps any current password until
 * they use the link.
 */
export async function inviteUser(
  ctx: AppContext,
  caller: Caller,
  userId: string,
  linkBase: string,
): Promise<InvitationView> {
  const user = await requireUserRow(ctx.db, caller.tenantId, userId);
  if (!user.email) {
    throw new DomainError(
      'USER_HAS_NO_EMAIL',
      'This user has no e-mail address: add one before sending an invitation.',
    );
  }
  if (!user.active) {
    throw new DomainError('USER_INACTIVE', 'This user is deactivated: reactivate them before inviting them.');
  }
  const email = user.email;
  const [company] = await ctx.db.select().from(tenants).where(eq(tenants.id, caller.tenantId));
  const now = ctx.now();
  const { expiresAt } = await ctx.db.transaction(async (tx) => {
    const issued = await issuePasswordLink(tx, {
      company: company!,
      user: { ...user, email },
      purpose: 'invitation',
      linkBase,
      now,
    });
    await recordCallerAudit(tx, caller, {
      action: 'user.invited',
      entityType: 'web_user',
      entityId: user.id,
      after: { sentTo: email, expiresAt: issued.expiresAt },
    });
    return issued;
  });
  return { sentTo: email, expiresAt: expiresAt.toISOString() };
}
