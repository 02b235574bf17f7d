import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { OnssPassSummary } from '../../jobs/onss-outbox-worker.js';

/**
 * What an operator watches ciao by, in Prometheus's text format (`GET /metrics`): the process
 * (CPU, memory, event-loop lag), HTTP requests by route, the outboxes (ONSS, e-mail, webhooks) by
 * depth and age, ONSS answers, open anomalies and live-board clients. No label carries a tenant,
 * a person or a URL with ids: routes are their patterns.
 */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'ciao_' });
  return {
    registry,
    httpRequestDuration: new Histogram({
      name: 'ciao_http_request_duration_seconds',
      help: 'HTTP requests by method, route pattern and status class, with their duration.',
      labelNames: ['method', 'route', 'status'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    onssResults: new Counter({
      name: 'ciao_onss_results_total',
      help: 'Outcomes of ONSS sending and validation by this process (registered, refused, retrying, …).',
      labelNames: ['outcome'] as const,
      registers: [registry],
    }),
    retentionRows: new Counter({
      name: 'ciao_retention_rows_total',
      help: 'Rows the retention job deleted (or positions it anonymised) in this process, by category.',
      labelNames: ['category'] as const,
      registers: [registry],
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

const onssOutcomes: Record<keyof OnssPassSummary, string | undefined> = {
  claimed: undefined,
  registered: 'registered',
  refused: 'refused',
  retrying: 'retrying',
  needsAttention: 'needs_attention',
  released: 'released',
  validated: 'validated',
  refusedOnValidation: 'refused_on_validation',
};

/** Counts an ONSS outbox pass's outcomes. */
export function recordOnssPass(metrics: Metrics, summary: OnssPassSummary) {
  for (const [key, count] of Object.entries(summary) as [keyof OnssPassSummary, number][]) {
    const outcome = onssOutcomes[key];
    if (outcome && count > 0) metrics.onssResults.inc({ outcome }, count);
  }
}

/** A gauge whose values are read when Prometheus scrapes (from the database, or the process). */
export function scrapedGauge<Label extends string>(
  metrics: Metrics,
  options: {
    name: string;
    help: string;
    labelNames?: readonly Label[];
    read: () => Promise<{ labels?: Partial<Record<Label, string>>; value: number }[]>;
  },
) {
  return new Gauge<Label>({
    name: options.name,
    help: options.help,
    labelNames: options.labelNames ?? ([] as readonly Label[]),
    registers: [metrics.registry],
    async collect() {
      this.reset();
      for (const { labels, value } of await options.read()) {
        if (labels) this.set(labels, value);
        else this.set(value);
      }
    },
  });
}
