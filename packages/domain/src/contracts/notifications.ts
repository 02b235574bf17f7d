import { z } from 'zod';
import { can, type Capability, type Role } from '../permissions/rights-table.js';
import { isoInstant } from './common.js';

/*
 * E-mail notifications a signed-in web user subscribes to, per type, for the whole company or one
 * site or client. A user is only offered (and only sent) what their role may read.
 */

/**
 * The kinds of notification a user can subscribe to.
 *
 * @example
 * notificationType.parse('anomaly.no_show');
 */
export const notificationType = z.enum([
  'anomaly.missed_departure',
  'anomaly.no_show',
  'onss.refused',
  'onss.connection_failing',
  'correction_request.deadline',
  'digest.daily_compliance',
]);

export type NotificationType = z.infer<typeof notificationType>;

/** Every notification type, in the order the back-office lists them. */
export const notificationTypes = notificationType.options;

/**
 * What a role must be able to read to receive each type: the e-mail shows what the screens would.
 *
 * @example
 * notificationTypeCapabilities['onss.refused']; // ['onssRegistrations.read']
 */
export const notificationTypeCapabilities: Readonly<Record<NotificationType, readonly Capability[]>> = {
  'anomaly.missed_departure': ['anomalies.read'],
  'anomaly.no_show': ['anomalies.read'],
  'onss.refused': ['onssRegistrations.read'],
  'onss.connection_failing': ['onssRegistrations.read'],
  'correction_request.deadline': ['onssRegistrations.read'],
  'digest.daily_compliance': ['registrations.read', 'anomalies.read', 'onssRegistrations.read'],
};

/**
 * The types a role may subscribe to (none for a role without back-office access).
 *
 * @example
 * notificationTypesFor('NONE'); // []
 */
export function notificationTypesFor(role: Role): NotificationType[] {
  if (!can(role, 'backOffice.access')) return [];
  return notificationTypes.filter((type) =>
    notificationTypeCapabilities[type].every((capability) => can(role, capability)),
  );
}

/**
 * Where a subscription applies: the whole company, one site, or every site of one client. Company-wide
 * events (the ONSS connection failing) reach every subscriber whatever the scope.
 */
export const notificationScope = z.enum(['all', 'site', 'client']);

export type NotificationScope = z.infer<typeof notificationScope>;

/**
 * One subscription: a type and its scope (`scopeId` is the site's or client's id, null for `all`).
 *
 * @example
 * notificationSubscription.parse({ type: 'anomaly.no_show', scope: 'all', scopeId: null });
 */
export const notificationSubscription = z
  .object({
    type: notificationType,
    scope: notificationScope,
    scopeId: z.uuid().nullable(),
  })
  .refine((s) => (s.scope === 'all') === (s.scopeId === null), {
    message: 'a site or client scope needs its id; the whole company takes none',
    path: ['scopeId'],
  });

export type NotificationSubscription = z.infer<typeof notificationSubscription>;

/**
 * The caller's subscriptions (replaced as a whole by PUT), one per type at most.
 *
 * @example
 * updateNotificationSubscriptionsBody.parse({ subscriptions: [] });
 */
export const updateNotificationSubscriptionsBody = z.object({
  subscriptions: z
    .array(notificationSubscription)
    .max(notificationTypes.length)
    .refine((list) => new Set(list.map((s) => s.type)).size === list.length, {
      message: 'each type at most once',
    }),
});

/** What `GET /api/me/notifications` answers: the types the caller's role is offered and their choices. */
export const myNotifications = z.object({
  offeredTypes: z.array(notificationType),
  /** Whether the caller has an e-mail address: without one nothing can be sent. */
  hasEmail: z.boolean(),
  subscriptions: z.array(
    z.object({
      type: notificationType,
      scope: notificationScope,
      scopeId: z.uuid().nullable(),
      createdAt: isoInstant,
    }),
  ),
});

export type MyNotifications = z.infer<typeof myNotifications>;
