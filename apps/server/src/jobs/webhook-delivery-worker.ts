// The webhook delivery worker: POSTs queued deliveries, signed, and records each attempt. Several
// processes may run it: a delivery is claimed with FOR UPDATE SKIP LOCKED and sent by one of them.
import { eq } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { tenants } from '../db/schema/index.js';
import type { Db } from '../db/client.js';
import type { AppContext } from '../http/app-context.js';
import { recordAudit } from '../features/audit/audit-repository.js';
import { enqueueEmail } from '../features/email/email-outbox-repository.js';
import {
  administratorsToTell,
  claimDueDeliveries,
  markAttemptFailed,
  markDelivered,
  pauseFailingSubscription,
  subscriptionTargets,
  type AttemptRecord,
  type ClaimedDelivery,
} from '../features/webhooks/webhook-outbox-repository.js';
import { renderWebhookPausedEmail } from '../features/webhooks/webhook-paused-email.js';
import {
  nextAttemptAfterFailure,
  shouldPauseSubscription,
  WEBHOOK_TIMEOUT_MS,
} from '../features/webhooks/webhook-retry-policy.js';
import { signWebhook } from '../features/webhooks/webhook-signature.js';

export interface WebhookRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
}

/** Sends one request and gives the HTTP status; throws on network errors and timeouts. */
export type WebhookSender = (request: WebhookRequest) => Promise<{ status: number }>;

/** The real sender: no redirects followed (a 3xx is a failure: the URL is the subscription's). */
export const fetchWebhookSender: WebhookSender = async ({ url, headers, body, timeoutMs }) => {
  const response = await fetch(url, {
    method: 'POST',
    headers,
    body,
    redirect: 'manual',
    signal: AbortSignal.timeout(timeoutMs),
  });
  await response.body?.cancel().catch(() => {});
  return { status: response.status };
};

export interface WebhookWorkerOptions {
  sender?: WebhookSender;
  batchSize?: number;
  claimTtlMs?: number;
  timeoutMs?: number;
  random?: () => number;
  logger: Pick<FastifyBaseLogger, 'info' | 'warn' | 'error'>;
}

export interface DeliveryPassSummary {
  /** Claimed a whole batch: more may be due right now. */
  full: boolean;
  delivered: number;
  retrying: number;
  failed: number;
  pausedSubscriptions: number;
}

function describeFailure(error: unknown, timeoutMs: number): string {
  const name = (error as Error).name;
  if (name === 'TimeoutError' || name === 'AbortError') return `No answer within ${timeoutMs / 1000} s`;
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message ?? String(error);
}

export function createWebhookDeliveryWorker(ctx: AppContext, options: WebhookWorkerOptions) {
  const {
    sender = fetchWebhookSender,
    batchSize = 20,
    claimTtlMs = 60_000,
    timeoutMs = WEBHOOK_TIMEOUT_MS,
    random = Math.random,
    logger,
  } = options;

  /** Pauses a subscription failing for 24 hours and tells its administrators, in one transaction. */
  async function pauseAndTell(tx: Db, subscription: { id: string; tenantId: string; url: string }, at: Date) {
    if (!(await pauseFailingSubscription(tx, subscription.id, at))) return false;
    const [company] = await tx
      .select({ name: tenants.name })
      .from(tenants)
      .where(eq(tenants.id, subscription.tenantId));
    const screenLink = ctx.publicUrl ? new URL('/webhooks', ctx.publicUrl).toString() : null;
    for (const admin of await administratorsToTell(tx, subscription.tenantId)) {
      await enqueueEmail(tx, {
        tenantId: subscription.tenantId,
        to: admin.email,
        template: 'webhook-paused',
        language: admin.language,
        rendered: renderWebhookPausedEmail(admin.language, {
          displayName: admin.displayName,
          companyName: company?.name ?? '',
          url: subscription.url,
          screenLink,
        }),
        now: at,
      });
    }
    await recordAudit(tx, {
      tenantId: subscription.tenantId,
      actor: { type: 'system', id: 'webhook-worker' },
      action: 'webhook.paused',
      entityType: 'webhook_subscription',
      entityId: subscription.id,
      after: { active: false, pausedReason: 'failing' },
    });
    return true;
  }

  /** One signed POST: its HTTP status, and why it counts as failed (null when it is a 2xx). */
  async function attempt(delivery: ClaimedDelivery, url: string, secretEncrypted: Buffer) {
    let secret: string;
    try {
      secret = ctx.secretBox.open(secretEncrypted).toString('utf8');
    } catch {
      // Recorded like any failed attempt, so that it shows in the log instead of looping unseen.
      return { statusCode: null, error: 'The signing secret cannot be decrypted: was SECRET_KEY changed?' };
    }
    const body = JSON.stringify(delivery.payload);
    const timestamp = Math.floor(ctx.now().getTime() / 1000);
    try {
      const { status } = await sender({
        url,
        headers: {
          'content-type': 'application/json',
          'user-agent': 'ciao-webhooks/1',
          'ciao-webhook-id': delivery.eventId,
          'ciao-webhook-timestamp': String(timestamp),
          'ciao-webhook-signature': signWebhook(secret, timestamp, body),
        },
        body,
        timeoutMs,
      });
      return { statusCode: status, error: status >= 200 && status <= 299 ? null : `HTTP ${status}` };
    } catch (failure) {
      return { statusCode: null, error: describeFailure(failure, timeoutMs) };
    }
  }

  async function deliver(
    delivery: ClaimedDelivery,
    target: { url: string; secretEncrypted: Buffer; tenantId: string },
    summary: DeliveryPassSummary,
  ) {
    const started = performance.now();
    const { statusCode, error } = await attempt(delivery, target.url, target.secretEncrypted);
    const record: AttemptRecord = {
      statusCode,
      error,
      durationMs: Math.round(performance.now() - started),
      at: ctx.now(),
    };
    if (error === null) {
      await ctx.db.transaction((tx) => markDelivered(tx, delivery, record));
      summary.delivered += 1;
      return;
    }
    const next = nextAttemptAfterFailure(delivery.attempts + 1, record.at, delivery.giveUpAt, random);
    const paused = await ctx.db.transaction(async (tx) => {
      const subscription = await markAttemptFailed(tx, delivery, record, next);
      const givenUp = next ? undefined : { firstAttemptAt: delivery.firstAttemptAt ?? record.at };
      if (subscription?.active && shouldPauseSubscription(subscription.failingSince, record.at, givenUp)) {
        return pauseAndTell(tx, subscription, record.at);
      }
      return false;
    });
    if (next) summary.retrying += 1;
    else summary.failed += 1;
    if (paused) {
      summary.pausedSubscriptions += 1;
      logger.warn(
        { subscriptionId: delivery.subscriptionId, tenantId: delivery.tenantId },
        'Webhook subscription paused: every attempt failed for 24 hours',
      );
    }
  }

  return {
    /** One pass: claims the due deliveries and sends them, side by side. */
    async runPass(): Promise<DeliveryPassSummary> {
      const summary: DeliveryPassSummary = {
        full: false,
        delivered: 0,
        retrying: 0,
        failed: 0,
        pausedSubscriptions: 0,
      };
      const now = ctx.now();
      const claimed = await claimDueDeliveries(ctx.db, now, new Date(now.getTime() + claimTtlMs), batchSize);
      summary.full = claimed.length === batchSize;
      if (claimed.length === 0) return summary;
      const targets = new Map(
        (await subscriptionTargets(ctx.db, [...new Set(claimed.map((d) => d.subscriptionId))])).map((t) => [
          t.id,
          t,
        ]),
      );
      await Promise.all(
        claimed.map(async (delivery) => {
          const target = targets.get(delivery.subscriptionId);
          if (!target) return;
          try {
            await deliver(delivery, target, summary);
          } catch (error) {
            logger.error({ err: error, deliveryId: delivery.id }, 'Webhook delivery could not be recorded');
          }
        }),
      );
      return summary;
    },
  };
}
