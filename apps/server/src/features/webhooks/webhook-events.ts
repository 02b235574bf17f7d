import type { WebhookEventType } from '@ciao/domain';
import type { agents, anomalies, clockEvents, onssRegistrations } from '../../db/schema/index.js';
import {
  presentPublicAgent,
  presentPublicAnomaly,
  presentPublicOnssStatus,
  presentPublicRegistration,
} from '../public-api/public-api-presenter.js';
import type { SyncList } from '../public-api/public-api-repository.js';
import { webhookEventId } from './webhook-signature.js';

/** An event found in a changed row, before it is wrapped for a company. */
export interface SourceEvent {
  type: WebhookEventType;
  /** What makes this event unique within its type: its id is derived from it. */
  key: string;
  at: Date;
  data: unknown;
}

// Statuses a declaration passes through on its way out: not news for anyone.
const transientOnssStatuses = new Set(['to_send', 'sending']);

/**
 * The four sources. Each event's key says what happened exactly once: a registration is created
 * once; an ONSS status is reached once per sending (`sentAt`); an anomaly opens and resolves once;
 * an agent changes once per `updated_at`.
 */
export const webhookSources = [
  {
    list: 'registrations',
    types: ['registration.created'],
    eventsOf: (row: typeof clockEvents.$inferSelect) => [
      { type: 'registration.created', key: row.id, at: row.receivedAt, data: presentPublicRegistration(row) },
    ],
  },
  {
    list: 'onssStatuses',
    types: ['onss.status_changed'],
    eventsOf: (row: typeof onssRegistrations.$inferSelect) =>
      transientOnssStatuses.has(row.status)
        ? []
        : [
            {
              type: 'onss.status_changed',
              key: `${row.id}|${row.status}|${row.sentAt?.toISOString() ?? ''}`,
              at: row.updatedAt,
              data: presentPublicOnssStatus(row),
            },
          ],
  },
  {
    list: 'anomalies',
    types: ['anomaly.opened', 'anomaly.resolved'],
    eventsOf: (row: typeof anomalies.$inferSelect) => {
      const data = presentPublicAnomaly(row);
      const opened: SourceEvent = { type: 'anomaly.opened', key: row.id, at: row.openedAt, data };
      return row.resolvedAt
        ? [opened, { type: 'anomaly.resolved', key: row.id, at: row.resolvedAt, data }]
        : [opened];
    },
  },
  {
    list: 'agents',
    types: ['agent.updated'],
    eventsOf: (row: typeof agents.$inferSelect, micros: string) => [
      { type: 'agent.updated', key: `${row.id}|${micros}`, at: row.updatedAt, data: presentPublicAgent(row) },
    ],
  },
] as const satisfies readonly {
  list: SyncList;
  types: readonly WebhookEventType[];
  eventsOf: (row: never, micros: string) => SourceEvent[];
}[];

/** The envelope every receiver gets: `{ id, type, createdAt, tenant, data }`. */
export function webhookEnvelope(tenant: { id: string; code: string }, event: SourceEvent) {
  return {
    id: webhookEventId(tenant.id, event.type, event.key),
    type: event.type,
    createdAt: event.at.toISOString(),
    tenant: { id: tenant.id, code: tenant.code },
    data: event.data,
  };
}
