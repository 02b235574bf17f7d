// The e-mail notification scheduler: finds alerts (anomalies opened, ONSS refusals, the ONSS
// connection failing, correction deadlines near, the daily digest) and queues one e-mail per
// subscriber into the e-mail outbox. Anomalies and ONSS statuses are read like the webhook producer
// reads them, by a durable cursor per company, so the registration transaction gains nothing; every
// e-mail is recorded under a dedupe key whose unique constraint makes a pass run twice, or in two
// processes, queue it once.
import {
  can,
  localDate,
  localTime,
  notificationTypeCapabilities,
  zonedInstant,
  type NotificationType,
  type Role,
} from '@ciao/domain';
import type { FastifyBaseLogger } from 'fastify';
import type { AppContext } from '../http/app-context.js';
import { listChangedRows, type SyncList } from '../features/public-api/public-api-repository.js';
import { buildDailyDigest } from '../features/notifications/daily-digest.js';
import {
  directionInWords,
  renderNotificationEmail,
  type NotificationAlert,
} from '../features/notifications/notification-emails.js';
import {
  agentNames,
  clientOfSites,
  correctionRequestsDueBetween,
  digestFigures,
  failingOnssRegistrations,
  queueNotificationOnce,
  siteAndClientNames,
  subscribersOf,
  tenantForNotifications,
  tenantsWithNotificationSubscriptions,
} from '../features/notifications/notification-repository.js';
import {
  alertInScope,
  scopeFromStored,
  type AlertPlace,
} from '../features/notifications/notification-scope.js';
import { readCursor, saveCursor } from '../features/webhooks/webhook-outbox-repository.js';
import { WEBHOOK_REREAD_WINDOW_MS } from './webhook-producer.js';

/** The local time at which the digest of the previous day goes out. */
export const DIGEST_LOCAL_TIME = '07:00';
/** A correction request not yet sent is announced when its deadline is this close. */
export const CORRECTION_DEADLINE_NOTICE_MS = 2 * 24 * 3_600_000;
/**
 * Sending attempts after which a registration still retried (`send_failing`) means the company's
 * ONSS connection is failing: one failure is a hiccup the retries absorb, three in a row are not.
 */
export const ONSS_FAILING_MIN_ATTEMPTS = 3;

const NIL_UUID = '00000000-0000-0000-0000-000000000000';
const PAGE_SIZE = 500;
const micros = (instant: Date) => BigInt(instant.getTime()) * 1000n;
const anomalyTypes: Record<string, NotificationType> = {
  MISSED_DEPARTURE: 'anomaly.missed_departure',
  NO_SHOW: 'anomaly.no_show',
};

type Subscriber = Awaited<ReturnType<typeof subscribersOf>>[number] & {
  scopeOf: ReturnType<typeof scopeFromStored>;
};

export interface NotificationPassSummary {
  tenants: number;
  queued: number;
}

export function createNotificationScheduler(ctx: AppContext) {
  async function forTenant(tenantId: string): Promise<number> {
    const tenant = await tenantForNotifications(ctx.db, tenantId);
    if (!tenant) return 0;
    // The role is read at each pass: a user whose role no longer reads a type stops receiving it.
    const subscribers: Subscriber[] = (await subscribersOf(ctx.db, tenantId))
      .filter((s) =>
        notificationTypeCapabilities[s.type as NotificationType]?.every((c) => can(s.role as Role, c)),
      )
      .map((s) => ({ ...s, scopeOf: scopeFromStored(s.scope) }));
    if (subscribers.length === 0) return 0;
    const zone = tenant.timeZone;
    const sites = await clientOfSites(ctx.db, tenantId);
    const at = (instant: Date) => `${localDate(instant, zone)} ${localTime(instant, zone)}`;
    const link = (path: string) => (ctx.publicUrl ? new URL(path, ctx.publicUrl).toString() : null);
    let queued = 0;

    const tell = async (
      wanted: readonly Subscriber[],
      place: AlertPlace,
      dedupeKey: string,
      path: string,
      alertFor: (subscriber: Subscriber) => NotificationAlert,
    ) => {
      for (const subscriber of wanted) {
        if (!alertInScope(subscriber.scopeOf, place, sites)) continue;
        const sent = await queueNotificationOnce(
          ctx.db,
          {
            tenantId,
            userId: subscriber.userId,
            type: subscriber.type,
            dedupeKey,
            to: subscriber.email,
            language: subscriber.language,
            rendered: renderNotificationEmail(
              subscriber.language,
              subscriber.displayName,
              alertFor(subscriber),
              link(path),
            ),
          },
          ctx.now(),
        );
        if (sent) queued += 1;
      }
    };
    const subscribed = (...types: NotificationType[]) =>
      subscribers.filter((s) => types.includes(s.type as never));

    /** Reads one list from its cursor, like the webhook producer (same re-read window, same reason). */
    const readSince = async <List extends SyncList>(
      list: List,
      wanting: readonly Subscriber[],
      handle: (rows: Awaited<ReturnType<typeof listChangedRows<List>>>) => Promise<void>,
    ) => {
      if (wanting.length === 0) return;
      const source = `notifications.${list}`;
      const since = wanting.reduce(
        (earliest, s) => (s.since < earliest ? s.since : earliest),
        wanting[0]!.since,
      );
      const stored = await readCursor(ctx.db, tenantId, source);
      const start = stored && BigInt(stored) > micros(since) ? BigInt(stored) : micros(since);
      let after = { micros: (start - micros(new Date(WEBHOOK_REREAD_WINDOW_MS))).toString(), id: NIL_UUID };
      let furthest = start;
      for (;;) {
        const rows = await listChangedRows(ctx.db, list, { tenantId, since: null, after, limit: PAGE_SIZE });
        await handle(rows);
        const last = rows.at(-1);
        if (last) {
          after = { micros: last.micros, id: (last.row as { id: string }).id };
          if (BigInt(last.micros) > furthest) furthest = BigInt(last.micros);
        }
        if (rows.length < PAGE_SIZE) break;
      }
      await saveCursor(ctx.db, tenantId, source, furthest.toString(), ctx.now());
    };

    // Anomalies opened: missed departures and no-shows.
    await readSince('anomalies', subscribed('anomaly.missed_departure', 'anomaly.no_show'), async (rows) => {
      const names = await agentNames(ctx.db, tenantId, [
        ...new Set(rows.flatMap(({ row }) => (row.agentId ? [row.agentId] : []))),
      ]);
      const siteNames = await siteAndClientNames(ctx.db, tenantId);
      for (const { row } of rows) {
        const type = anomalyTypes[row.type];
        if (!type || row.status === 'resolved') continue;
        // Nothing opened before a subscription started is its news.
        const wanted = subscribed(type).filter((s) => s.since <= row.openedAt);
        await tell(wanted, { siteIds: [row.siteId] }, `anomaly:${row.id}`, '/anomalies', () => ({
          type: type as 'anomaly.no_show',
          agentName: (row.agentId && names.get(row.agentId)) || null,
          siteName: (row.siteId && siteNames.get(row.siteId)) || null,
          at: at(row.openedAt),
        }));
      }
    });

    // Registrations refused by ONSS (at sending or at validation).
    await readSince('onssStatuses', subscribed('onss.refused'), async (rows) => {
      const refused = rows.filter(({ row }) => row.status === 'refused');
      if (refused.length === 0) return;
      const names = await agentNames(ctx.db, tenantId, [...new Set(refused.map(({ row }) => row.agentId))]);
      const siteNames = await siteAndClientNames(ctx.db, tenantId);
      for (const { row } of refused) {
        const wanted = subscribed('onss.refused').filter((s) => s.since <= row.updatedAt);
        await tell(
          wanted,
          { siteIds: [row.siteId] },
          `onss.refused:${row.id}|${row.sentAt?.toISOString() ?? ''}`,
          `/onss/registrations/${row.id}`,
          (s) => ({
            type: 'onss.refused',
            agentName: names.get(row.agentId) ?? null,
            siteName: siteNames.get(row.siteId) ?? null,
            direction: directionInWords(s.language, row.direction),
            at: at(row.registrationTime),
            remarks: row.remarks,
          }),
        );
      }
    });

    const now = ctx.now();
    const today = localDate(now, zone);

    // The ONSS connection failing: told once a local day while it lasts.
    const failingWanted = subscribed('onss.connection_failing');
    if (failingWanted.length > 0) {
      const failingCount = await failingOnssRegistrations(ctx.db, tenantId, ONSS_FAILING_MIN_ATTEMPTS);
      if (failingCount > 0) {
        await tell(failingWanted, 'company', `onss.connection_failing:${today}`, '/onss', () => ({
          type: 'onss.connection_failing',
          failingCount,
        }));
      }
    }

    // Correction requests still in draft whose deadline is within two days.
    const deadlineWanted = subscribed('correction_request.deadline');
    if (deadlineWanted.length > 0) {
      const due = await correctionRequestsDueBetween(
        ctx.db,
        tenantId,
        now,
        new Date(now.getTime() + CORRECTION_DEADLINE_NOTICE_MS),
      );
      for (const request of due) {
        await tell(
          deadlineWanted,
          { siteIds: request.siteIds },
          `correction_request.deadline:${request.id}`,
          `/onss/corrections/${request.id}`,
          () => ({
            type: 'correction_request.deadline',
            reference: request.reference,
            deadline: at(request.deadline),
          }),
        );
      }
    }

    // The digest of yesterday, from 07:00 local time, to those subscribed by then.
    const sendTime = zonedInstant(today, DIGEST_LOCAL_TIME, zone);
    const digestWanted = subscribed('digest.daily_compliance').filter((s) => s.since <= sendTime);
    if (digestWanted.length > 0 && now >= sendTime) {
      // Noon minus a day is yesterday whatever the clock change.
      const yesterday = localDate(new Date(zonedInstant(today, '12:00', zone).getTime() - 86_400_000), zone);
      const from = zonedInstant(yesterday, '00:00', zone);
      const to = zonedInstant(today, '00:00', zone);
      const figures = await digestFigures(ctx.db, tenantId, from, to);
      const names = await siteAndClientNames(ctx.db, tenantId);
      for (const subscriber of digestWanted) {
        const digest = buildDailyDigest(yesterday, figures, (siteId) =>
          alertInScope(subscriber.scopeOf, { siteIds: [siteId] }, sites),
        );
        const scopeName = subscriber.scopeOf.scopeId ? (names.get(subscriber.scopeOf.scopeId) ?? null) : null;
        await tell([subscriber], 'company', `digest.daily_compliance:${yesterday}`, '/', () => ({
          type: 'digest.daily_compliance',
          digest,
          scopeName,
        }));
      }
    }
    return queued;
  }

  return {
    /** One pass over every company where someone is subscribed. */
    async runPass(): Promise<NotificationPassSummary> {
      const tenantIds = await tenantsWithNotificationSubscriptions(ctx.db);
      let queued = 0;
      for (const tenantId of tenantIds) queued += await forTenant(tenantId);
      return { tenants: tenantIds.length, queued };
    },
  };
}

export interface NotificationSchedulerOptions {
  intervalMs?: number;
  firstRunAfterMs?: number;
  logger: Pick<FastifyBaseLogger, 'info' | 'error' | 'debug'>;
}

/**
 * Runs a pass every `intervalMs` (30 s): the next one is planned when the previous ends, so passes
 * never overlap in a process; several processes may run at once, the dedupe keys keep each e-mail
 * single. Returns the stop function, which waits for a pass in progress.
 */
export function startNotificationScheduler(
  ctx: AppContext,
  options: NotificationSchedulerOptions,
): () => Promise<void> {
  const { intervalMs = 30_000, firstRunAfterMs = 10_000, logger } = options;
  const scheduler = createNotificationScheduler(ctx);
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;

  const runOnce = async () => {
    try {
      const summary = await scheduler.runPass();
      // The e-mail worker polls its outbox every 2 seconds: nothing to wake.
      if (summary.queued > 0) logger.info(summary, 'notification pass');
    } catch (error) {
      logger.error({ err: error }, 'notification pass failed');
    }
  };
  const plan = (delayMs: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = runOnce().finally(() => {
        running = undefined;
        plan(intervalMs);
      });
    }, delayMs);
    timer.unref();
  };
  plan(firstRunAfterMs);

  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
  };
}
