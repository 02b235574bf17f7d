// SQL of e-mail notifications: a user's subscriptions, the subscribers of a company, what the
// scheduler reads to find alerts, and the once-per-subscriber record of what was mailed.
import { and, count, eq, gte, inArray, lt, lte, min, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  agents,
  anomalies,
  clients,
  clockEvents,
  correctionRequestItems,
  correctionRequests,
  notificationsSent,
  notificationSubscriptions,
  onssRegistrations,
  sites,
  tenants,
  webUsers,
} from '../../db/schema/index.js';
import { enqueueEmail } from '../email/email-outbox-repository.js';
import type { RenderedEmail } from '../email/email-templates.js';

/** A user's subscriptions, by type. */
export async function listUserSubscriptions(db: Db, tenantId: string, userId: string) {
  return db
    .select({
      type: notificationSubscriptions.notificationType,
      scope: notificationSubscriptions.scope,
      createdAt: notificationSubscriptions.createdAt,
    })
    .from(notificationSubscriptions)
    .where(
      and(eq(notificationSubscriptions.tenantId, tenantId), eq(notificationSubscriptions.userId, userId)),
    )
    .orderBy(notificationSubscriptions.notificationType);
}

/**
 * Replaces a user's subscriptions (in the caller's transaction). A type kept keeps its start
 * (`created_at`): changing its scope does not make older alerts news.
 */
export async function replaceUserSubscriptions(
  db: Db,
  tenantId: string,
  userId: string,
  wanted: readonly { type: string; scope: { siteId?: string; clientId?: string } }[],
  now: Date,
) {
  const mine = and(
    eq(notificationSubscriptions.tenantId, tenantId),
    eq(notificationSubscriptions.userId, userId),
  );
  const types = wanted.map((s) => s.type);
  await db
    .delete(notificationSubscriptions)
    .where(
      types.length === 0
        ? mine
        : and(mine, sql`${notificationSubscriptions.notificationType} not in ${types}`),
    );
  if (wanted.length === 0) return;
  await db
    .insert(notificationSubscriptions)
    .values(
      wanted.map((s) => ({ tenantId, userId, notificationType: s.type, scope: s.scope, createdAt: now })),
    )
    .onConflictDoUpdate({
      target: [
        notificationSubscriptions.tenantId,
        notificationSubscriptions.userId,
        notificationSubscriptions.notificationType,
      ],
      set: { scope: sql`excluded.scope` },
    });
}

/** Which of these sites and clients exist in the company (a scope must name one of its own). */
export async function existingPlaces(db: Db, tenantId: string, siteIds: string[], clientIds: string[]) {
  const [siteRows, clientRows] = await Promise.all([
    siteIds.length
      ? db
          .select({ id: sites.id })
          .from(sites)
          .where(and(eq(sites.tenantId, tenantId), inArray(sites.id, siteIds)))
      : [],
    clientIds.length
      ? db
          .select({ id: clients.id })
          .from(clients)
          .where(and(eq(clients.tenantId, tenantId), inArray(clients.id, clientIds)))
      : [],
  ]);
  return { siteIds: new Set(siteRows.map((r) => r.id)), clientIds: new Set(clientRows.map((r) => r.id)) };
}

/** The companies where someone is subscribed to anything. */
export async function tenantsWithNotificationSubscriptions(db: Db): Promise<string[]> {
  const rows = await db
    .selectDistinct({ tenantId: notificationSubscriptions.tenantId })
    .from(notificationSubscriptions)
    .innerJoin(tenants, eq(tenants.id, notificationSubscriptions.tenantId))
    .where(eq(tenants.status, 'active'));
  return rows.map((r) => r.tenantId);
}

export async function tenantForNotifications(db: Db, tenantId: string) {
  const [row] = await db
    .select({ name: tenants.name, timeZone: tenants.timeZone })
    .from(tenants)
    .where(eq(tenants.id, tenantId));
  return row;
}

/** Every subscription of a company's active users who have an e-mail address, with who they are. */
export async function subscribersOf(db: Db, tenantId: string) {
  const rows = await db
    .select({
      userId: webUsers.id,
      email: webUsers.email,
      displayName: webUsers.displayName,
      language: webUsers.language,
      role: webUsers.role,
      type: notificationSubscriptions.notificationType,
      scope: notificationSubscriptions.scope,
      since: notificationSubscriptions.createdAt,
    })
    .from(notificationSubscriptions)
    .innerJoin(webUsers, eq(webUsers.id, notificationSubscriptions.userId))
    .where(
      and(
        eq(notificationSubscriptions.tenantId, tenantId),
        eq(webUsers.tenantId, tenantId),
        eq(webUsers.active, true),
      ),
    );
  return rows.filter((row): row is typeof row & { email: string } => Boolean(row.email));
}

/** The client of each site of a company, for client scopes. */
export async function clientOfSites(db: Db, tenantId: string): Promise<Map<string, string | null>> {
  const rows = await db
    .select({ id: sites.id, clientId: sites.clientId })
    .from(sites)
    .where(eq(sites.tenantId, tenantId));
  return new Map(rows.map((r) => [r.id, r.clientId]));
}

export async function siteAndClientNames(db: Db, tenantId: string) {
  const [siteRows, clientRows] = await Promise.all([
    db.select({ id: sites.id, name: sites.name }).from(sites).where(eq(sites.tenantId, tenantId)),
    db.select({ id: clients.id, name: clients.name }).from(clients).where(eq(clients.tenantId, tenantId)),
  ]);
  return new Map([...siteRows, ...clientRows].map((r) => [r.id, r.name]));
}

/** Agents' full names by id, for the e-mails. */
export async function agentNames(db: Db, tenantId: string, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: agents.id, firstName: agents.firstName, lastName: agents.lastName })
    .from(agents)
    .where(and(eq(agents.tenantId, tenantId), inArray(agents.id, ids)));
  return new Map(rows.map((r) => [r.id, `${r.firstName} ${r.lastName}`.trim()]));
}

/**
 * How many registrations the ONSS outbox has failed to send `minAttempts` times or more and still
 * retries (`send_failing`): the worker's durable trace of a connection that keeps failing (its
 * circuit breaker lives in memory only).
 */
export async function failingOnssRegistrations(db: Db, tenantId: string, minAttempts: number) {
  const [row] = await db
    .select({ count: count() })
    .from(onssRegistrations)
    .where(
      and(
        eq(onssRegistrations.tenantId, tenantId),
        eq(onssRegistrations.status, 'send_failing'),
        gte(onssRegistrations.attempts, minAttempts),
      ),
    );
  return row?.count ?? 0;
}

/** Correction requests not yet submitted whose earliest item deadline falls in [from, until]. */
export async function correctionRequestsDueBetween(db: Db, tenantId: string, from: Date, until: Date) {
  const deadline = min(correctionRequestItems.deadline);
  const rows = await db
    .select({
      id: correctionRequests.id,
      reference: correctionRequests.reference,
      deadline,
      siteIds: sql<string[]>`array_agg(distinct ${onssRegistrations.siteId})`,
    })
    .from(correctionRequests)
    .innerJoin(correctionRequestItems, eq(correctionRequestItems.correctionRequestId, correctionRequests.id))
    .innerJoin(onssRegistrations, eq(onssRegistrations.id, correctionRequestItems.onssRegistrationId))
    .where(and(eq(correctionRequests.tenantId, tenantId), eq(correctionRequests.status, 'draft')))
    .groupBy(correctionRequests.id, correctionRequests.reference)
    .having(and(gte(deadline, from), lte(deadline, until)));
  return rows.map((r) => ({ ...r, deadline: new Date(r.deadline as unknown as string | Date) }));
}

/** The figures of a company's digest: registrations and ONSS statuses of [from, to), anomalies open now. */
export async function digestFigures(db: Db, tenantId: string, from: Date, to: Date) {
  const [registrations, openAnomalies, onssStatuses] = await Promise.all([
    db
      .select({ siteId: clockEvents.siteId, count: count() })
      .from(clockEvents)
      .where(
        and(
          eq(clockEvents.tenantId, tenantId),
          gte(clockEvents.deviceTime, from),
          lt(clockEvents.deviceTime, to),
        ),
      )
      .groupBy(clockEvents.siteId),
    db
      .select({ siteId: anomalies.siteId, type: anomalies.type, count: count() })
      .from(anomalies)
      .where(
        and(eq(anomalies.tenantId, tenantId), ne(anomalies.status, 'resolved'), lt(anomalies.openedAt, to)),
      )
      .groupBy(anomalies.siteId, anomalies.type),
    db
      .select({ siteId: onssRegistrations.siteId, status: onssRegistrations.status, count: count() })
      .from(onssRegistrations)
      .where(
        and(
          eq(onssRegistrations.tenantId, tenantId),
          gte(onssRegistrations.registrationTime, from),
          lt(onssRegistrations.registrationTime, to),
        ),
      )
      .groupBy(onssRegistrations.siteId, onssRegistrations.status),
  ]);
  return { registrations, openAnomalies, onssStatuses };
}

export interface NotificationToSend {
  tenantId: string;
  userId: string;
  type: string;
  dedupeKey: string;
  to: string;
  language: string;
  rendered: RenderedEmail;
}

/**
 * Records that a subscriber is told of an alert and queues the e-mail, in one transaction; does
 * nothing when that subscriber was already told (the primary key is the dedupe). Returns whether
 * an e-mail was queued.
 */
export async function queueNotificationOnce(db: Db, notification: NotificationToSend, now: Date) {
  return db.transaction(async (tx) => {
    const [claimed] = await tx
      .insert(notificationsSent)
      .values({
        tenantId: notification.tenantId,
        userId: notification.userId,
        dedupeKey: notification.dedupeKey,
        type: notification.type,
        createdAt: now,
      })
      .onConflictDoNothing()
      .returning({ userId: notificationsSent.userId });
    if (!claimed) return false;
    const emailId = await enqueueEmail(tx, {
      tenantId: notification.tenantId,
      to: notification.to,
      template: 'notification',
      language: notification.language,
      rendered: notification.rendered,
      now,
    });
    await tx
      .update(notificationsSent)
      .set({ emailId })
      .where(
        and(
          eq(notificationsSent.tenantId, notification.tenantId),
          eq(notificationsSent.userId, notification.userId),
          eq(notificationsSent.dedupeKey, notification.dedupeKey),
        ),
      );
    return true;
  });
}
