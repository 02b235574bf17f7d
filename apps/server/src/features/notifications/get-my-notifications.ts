import { notificationTypesFor, type MyNotifications, type NotificationType, type Role } from '@ciao/domain';
import { eq } from 'drizzle-orm';
import { webUsers } from '../../db/schema/index.js';
import type { AppContext } from '../../http/app-context.js';
import { listUserSubscriptions } from './notification-repository.js';
import { scopeFromStored } from './notification-scope.js';

/**
 * The caller's notification settings: the types their role is offered, and their subscriptions to
 * those (a subscription kept from a former role that no longer reads its type is not shown; it
 * sends nothing either).
 */
export async function getMyNotifications(
  ctx: AppContext,
  caller: { tenantId: string; userId: string; role: Role },
): Promise<MyNotifications> {
  const offeredTypes = notificationTypesFor(caller.role);
  const [rows, [user]] = await Promise.all([
    listUserSubscriptions(ctx.db, caller.tenantId, caller.userId),
    ctx.db.select({ email: webUsers.email }).from(webUsers).where(eq(webUsers.id, caller.userId)),
  ]);
  return {
    offeredTypes,
    hasEmail: Boolean(user?.email),
    subscriptions: rows
      .filter((row) => offeredTypes.includes(row.type as NotificationType))
      .map((row) => ({
        type: row.type as NotificationType,
        ...scopeFromStored(row.scope),
        createdAt: row.createdAt.toISOString(),
      })),
  };
}
