// Runs the webhook producer and delivery worker: on a timer, and soon after a registration of a
// company with an active subscription, so that deliveries go out within seconds.
import type { AppContext } from '../http/app-context.js';
import { createWebhookDeliveryWorker, type WebhookWorkerOptions } from './webhook-delivery-worker.js';
import { createWebhookProducer } from './webhook-producer.js';

export interface WebhookJobOptions extends WebhookWorkerOptions {
  producerIntervalMs?: number;
  workerIntervalMs?: number;
  /** How long after a registration the producer runs: a burst of registrations costs one pass. */
  wakeDelayMs?: number;
}

/** A job that runs every `intervalMs`, or sooner when woken; never twice at once. */
function loop(run: () => Promise<void>, intervalMs: number) {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let plannedAt = Infinity;
  const schedule = (delayMs: number) => {
    if (stopped) return;
    clearTimeout(timer);
    plannedAt = Date.now() + delayMs;
    timer = setTimeout(() => {
      plannedAt = Infinity;
      running = run().finally(() => {
        running = undefined;
        const soon = again;
        again = false;
        schedule(soon ? 0 : intervalMs);
      });
    }, delayMs);
    timer.unref();
  };
  schedule(intervalMs);
  return {
    wake(delayMs: number) {
      // Only ever earlier: a stream of registrations must not keep postponing the pass.
      if (running) again = true;
      else if (Date.now() + delayMs < plannedAt) schedule(delayMs);
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

export function startWebhookJobs(ctx: AppContext, options: WebhookJobOptions): () => Promise<void> {
  const { producerIntervalMs = 5_000, workerIntervalMs = 2_000, wakeDelayMs = 250, logger } = options;
  const producer = createWebhookProducer(ctx);
  const worker = createWebhookDeliveryWorker(ctx, options);
  let watchedTenants = new Set<string>();

  const deliveryLoop = loop(async () => {
    try {
      const summary = await worker.runPass();
      if (summary.delivered + summary.retrying + summary.failed > 0)
        logger.info(summary, 'Webhook delivery pass');
      // A backlog (a burst of registrations, a receiver back after an outage) drains pass after
      // pass, not one batch per interval.
      if (summary.full) deliveryLoop.wake(0);
    } catch (error) {
      logger.error({ err: error }, 'Webhook delivery pass failed');
    }
  }, workerIntervalMs);

  const producerLoop = loop(async () => {
    try {
      const summary = await producer.runPass();
      watchedTenants = new Set(summary.tenantIds);
      if (summary.queued > 0) deliveryLoop.wake(0);
    } catch (error) {
      logger.error({ err: error }, 'Webhook producer pass failed');
    }
  }, producerIntervalMs);

  const unsubscribe = [
    ctx.events.subscribe('clock_event.recorded', ({ tenantId }) => {
      if (watchedTenants.has(tenantId)) producerLoop.wake(wakeDelayMs);
    }),
    ctx.events.subscribe('webhook_delivery.queued', ({ tenantId }) => {
      watchedTenants.add(tenantId);
      deliveryLoop.wake(0);
    }),
  ];

  return async () => {
    for (const off of unsubscribe) off();
    await producerLoop.stop();
    await deliveryLoop.stop();
  };
}
