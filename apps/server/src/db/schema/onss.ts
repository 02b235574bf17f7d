import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, instant, updatedAt } from './columns.js';
import { agents } from './people.js';
import { sites } from './places.js';
import { tenants } from './tenants.js';
import { webUsers } from './identity.js';

/** One entry of the validity history that ONSS reports for a registration. */
export interface OnssValidityEntry {
  at: string;
  validity: string;
  remarks: string[];
}

/**
 * One In/Out sent (or to send) to ONSS PresenceRegistration. Doubles as the outbox: the worker
 * claims rows whose status is to_send or send_failing and whose next attempt is due.
 */
export const onssRegistrations = pgTable(
  'onss_registrations',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    clockEventId: uuid('clock_event_id').notNull(),
    agentId: uuid('agent_id')
      .notNull()
      .references(() => agents.id),
    siteId: uuid('site_id')
      .notNull()
      .references(() => sites.id),
    /** IN or OUT. */
    direction: text('direction').notNull(),
    registrationTime: instant('registration_time').notNull(),
    /** What is (or would be) sent: NISS, employer, declaration number, position; frozen at creation. */
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    /**
     * to_send, sending, registered (validation pending), validated, refused, send_failing,
     * needs_attention, not_applicable, cancelled.
     */
    status: text('status').notNull(),
    notApplicableReason: text('not_applicable_reason'),
    onssId: text('onss_id'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: instant('next_attempt_at'),
    claimedUntil: instant('claimed_until'),
    /**
     * A sending went unanswered (timeout, dropped connection, a 500, a process dying): ONSS may have
     * the registration. The next attempt asks ONSS before sending anything.
     */
    outcomeUnknown: boolean('outcome_unknown').notNull().default(false),
    lastError: text('last_error'),
    remarks: jsonb('remarks').$type<string[]>().notNull().default([]),
    validityHistory: jsonb('validity_history').$type<OnssValidityEntry[]>().notNull().default([]),
    sentAt: instant('sent_at'),
    registeredAt: instant('registered_at'),
    validatedAt: instant('validated_at'),
    // Follow-up fields ("champs de suivi"): the only fields a supervisor or inspector may edit.
    /** to_check, in_progress, resolved, correction_requested. */
    followUpStatus: text('follow_up_status'),
    followUpComment: text('follow_up_comment'),
    followUpAssigneeId: uuid('follow_up_assignee_id').references(() => webUsers.id, { onDelete: 'set null' }),
    correctionRequestReference: text('correction_request_reference'),
    correctionRequestId: uuid('correction_request_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('onss_registrations_event_key').on(t.tenantId, t.clockEventId),
    index('onss_registrations_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`${t.status} in ('to_send', 'send_failing', 'sending')`),
    index('onss_registrations_pending_validity_idx')
      .on(t.tenantId, t.registeredAt)
      .where(sql`${t.status} = 'registered'`),
    index('onss_registrations_tenant_status_idx').on(t.tenantId, t.status, t.registrationTime),
    index('onss_registrations_tenant_time_idx').on(t.tenantId, t.registrationTime),
    index('onss_registrations_updated_idx').on(t.tenantId, t.updatedAt),
  ],
);

/** A request to ONSS to correct registrations, to be filed within 30 days of each registration. */
export const correctionRequests = pgTable(
  'correction_requests',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    reference: text('reference').notNull(),
    reason: text('reason').notNull(),
    evidence: text('evidence'),
    /** draft, submitted, answered. */
    status: text('status').notNull().default('draft'),
    createdByUserId: uuid('created_by_user_id'),
    submittedAt: instant('submitted_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('correction_requests_reference_key').on(t.tenantId, t.reference)],
);

export const correctionRequestItems = pgTable(
  'correction_request_items',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    correctionRequestId: uuid('correction_request_id')
      .notNull()
      .references(() => correctionRequests.id, { onDelete: 'cascade' }),
    onssRegistrationId: uuid('onss_registration_id')
      .notNull()
      .references(() => onssRegistrations.id),
    requestedCorrection: text('requested_correction').notNull(),
    /** 30 days after the registration date: ONSS's limit for asking a correction. */
    deadline: instant('deadline').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('correction_request_items_request_idx').on(t.tenantId, t.correctionRequestId)],
);
