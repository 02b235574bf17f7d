import { DomainError, notificationTypesFor, type NotificationSubscription, type Role } from '@ciao/domain';
import type { AppContext } from '../../http/app-context.js';
import { recordAudit } from '../audit/audit-repository.js';
import {
  existingPlaces,
  listUserSubscriptions,
  replaceUserSubscriptions,
} from './notification-repository.js';
import { scopeToStored } from './notification-scope.js';

/**
 * Replaces the caller's subscriptions (audited). A type the caller's role may not read is refused (FORBIDDEN),
 * and a scope must name a site or client of the caller's company (VALIDATION_FAILED otherwise).
 */
export async function updateMyNotifications(
  ctx: AppContext,
  caller: { tenantId: string; userId: string; role: Role; ip?: string; requestId?: string },
  subscriptions: readonly NotificationSubscription[],
): Promise<void> {
  const offered = new Set(notificationTypesFor(caller.role));
  const refused = subscriptions.filter((s) => !offered.has(s.type)).map((s) => s.type);
  if (refused.length > 0) {
    throw new DomainError(
      'FORBIDDEN',
      `Your role may not receive these notifications: ${refused.join(', ')}.`,
    );
  }
  const idsOf = (scope: 'site' | 'client') =>
    subscriptions.flatMap((s) => (s.scope === scope && s.scopeId ? [s.scopeId] : []));
  const found = await existingPlaces(ctx.db, caller.tenantId, idsOf('site'), idsOf('client'));
  const fieldErrors = subscriptions.flatMap((s, index) =>
    (s.scope === 'site' && !found.siteIds.has(s.scopeId!)) ||
    (s.scope === 'client' && !found.clientIds.has(s.scopeId!))
      ? [
          {
            path: `subscriptions.${index}.scopeId`,
            code: 'NOT_FOUND',
            message: `is not a ${s.scope} of your company`,
          },
        ]
      : [],
  );
  if (fieldErrors.length > 0) {
    throw new DomainError(
      'VALIDATION_FAILED',
      'A notification scope names a site or client not found in your company.',
      {
        fieldErrors,
      },
    );
  }
  await ctx.db.transaction(async (tx) => {
    const before = await listUserSubscriptions(tx, caller.tenantId, caller.userId);
    await replaceUserSubscriptions(
      tx,
      caller.tenantId,
      caller.userId,
      subscriptions.map((s) => ({ type: s.type, scope: scopeToStored(s) })),
      ctx.now(),
    );
    await recordAudit(tx, {
      tenantId: caller.tenantId,
      actor: { type: 'user', id: caller.userId },
      action: 'notification_subscriptions.updated',
      entityType: 'web_user',
      entityId: caller.userId,
      before: before.map((row) => ({ type: row.type, scope: row.scope })),
      after: subscriptions.map((s) => ({ type: s.type, scope: scopeToStored(s) })),
      ip: caller.ip,
      requestId: caller.requestId,
    });
  });
}
