import { pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns.js';
import { webUsers } from './identity.js';
import { emailOutbox } from './platform.js';
import { tenants } from './tenants.js';

/**
 * Each alert mailed to each subscriber (subscriptions: `notification_subscriptions`, in identity.ts), once: the scheduler inserts here and queues the e-mail in
 * one transaction, and the primary key makes a second pass (or a second process) queue nothing.
 */
export const notificationsSent = pgTable(
  'notifications_sent',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => webUsers.id, { onDelete: 'cascade' }),
    /** What the alert is about, e.g. `anomaly:<id>` or `digest:<site id>:2026-03-14`. */
    dedupeKey: text('dedupe_key').notNull(),
    type: text('type').notNull(),
    emailId: uuid('email_id').references(() => emailOutbox.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.userId, t.dedupeKey] })],
);
