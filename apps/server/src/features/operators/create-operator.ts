import { DomainError, optionalEmail } from '@ciao/domain';
import { randomToken, sha256Hex } from '../../security/tokens.js';
import { recordAudit } from '../audit/audit-repository.js';
import type { PlatformContext } from '../platform/platform-context.js';
import { findOperatorByEmail, insertOperator } from './operator-repository.js';

/** How long the link of a new operator stays valid: a day, the operator is expected to act now. */
export const OPERATOR_LINK_HOURS = 24;

export function operatorPasswordUrl(linkBase: string, token: string): string {
  return `${linkBase.replace(/\/+$/, '')}/platform/set-password?token=${encodeURIComponent(token)}`;
}

/**
 * Creates an operator account (the console's own login, above tenants) without a password, and the
 * one-time link to choose one. The first sign-in then sets up the authenticator: 2FA is required.
 */
export async function createOperator(
  ctx: PlatformContext,
  input: { email: string; name?: string; linkBase: string },
) {
  const email = optionalEmail.safeParse(input.email);
  if (!email.success || !email.data) {
    throw new DomainError('VALIDATION_FAILED', 'email must be an e-mail address such as ops@example.be.');
  }
  // Stored lower-case: people type their address as they like at sign-in.
  const address = email.data.toLowerCase();
  if (await findOperatorByEmail(ctx.db, address)) {
    throw new DomainError('CONFLICT', `An operator with the address ${address} already exists.`);
  }
  const displayName = input.name?.trim() || address.split('@')[0]!;
  const token = randomToken();
  const now = ctx.now();
  const expiresAt = new Date(now.getTime() + OPERATOR_LINK_HOURS * 3_600_000);
  const operator = await ctx.db.transaction(async (tx) => {
    const created = await insertOperator(tx, {
      email: address,
      displayName,
      passwordTokenHash: sha256Hex(token),
      passwordTokenExpiresAt: expiresAt,
      now,
    });
    await recordAudit(tx, {
      tenantId: null,
      actor: ctx.actor,
      ...ctx.origin,
      action: 'operator.created',
      entityType: 'operator',
      entityId: created.id,
      after: { email: address, displayName },
    });
    return created;
  });
  return { operator, url: operatorPasswordUrl(input.linkBase, token), expiresAt };
}
