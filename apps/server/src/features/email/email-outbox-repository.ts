// SQL of the e-mail outbox: enqueueing in the caller's transaction, claiming due messages, recording
// what happened to each.
import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { emailOutbox } from '../../db/schema/index.js';
import type { EmailTemplate, RenderedEmail } from './email-templates.js';
import type { LicenceRequestEmailTemplate } from './licence-request-email.js';

export type OutboxEmail = typeof emailOutbox.$inferSelect;

/** Queues one message; in the transaction that creates what it announces, so neither exists alone. */
export async function enqueueEmail(
  db: Db,
  input: {
    tenantId: string | null;
    to: string;
    template: EmailTemplate | LicenceRequestEmailTemplate;
    language: string;
    rendered: RenderedEmail;
    now: Date;
  },
): Promise<string> {
  const [row] = await db
    .insert(emailOutbox)
    .values({
      tenantId: input.tenantId,
      toAddress: input.to,
      template: input.template,
      language: input.language,
      subject: input.rendered.subject,
      textBody: input.rendered.text,
      htmlBody: input.rendered.html,
      nextAttemptAt: input.now,
      createdAt: input.now,
    })
    .returning({ id: emailOutbox.id });
  return row!.id;
}

/**
 * Claims up to `limit` due messages by pushing their next attempt to `claimUntil`: a message whose
 * sender died is simply due again once the claim passes. `FOR UPDATE SKIP LOCKED` keeps two workers
 * off the same message.
 */
export async function claimDueEmails(db: Db, now: Date, claimUntil: Date, limit: number) {
  const due = db
    .select({ id: emailOutbox.id })
    .from(emailOutbox)
    .where(and(eq(emailOutbox.status, 'pending'), lte(emailOutbox.nextAttemptAt, now)))
    .orderBy(asc(emailOutbox.nextAttemptAt))
    .limit(limit)
    .for('update', { skipLocked: true });
  return db
    .update(emailOutbox)
    .set({ nextAttemptAt: claimUntil })
    .where(inArray(emailOutbox.id, due))
    .returning();
}

/**
 * The one-time links in a message (`?token=…`, invitations and resets) are bearer secrets: once the
 * message has left (or never will), the kept copy loses them, so a read of the database yields no
 * usable link. A message only logged (no SMTP) keeps its link: the operator console's outbox is
 * then how it reaches its reader.
 */
const withoutLinkTokens = (column: typeof emailOutbox.textBody | typeof emailOutbox.htmlBody) =>
  sql`regexp_replace(${column}, 'token=[A-Za-z0-9_-]+', 'token=(removed-once-sent)', 'g')`;

export async function markEmailDone(db: Db, id: string, status: 'sent' | 'logged', now: Date) {
  await db
    .update(emailOutbox)
    .set({
      status,
      sentAt: now,
      attempts: sql`${emailOutbox.attempts} + 1`,
      lastError: null,
      ...(status === 'sent'
        ? {
            textBody: withoutLinkTokens(emailOutbox.textBody),
            htmlBody: withoutLinkTokens(emailOutbox.htmlBody),
          }
        : {}),
    })
    .where(eq(emailOutbox.id, id));
}

/** A failed attempt: tried again at `nextAttemptAt`, or given up (`failed`) when that is null. */
export async function markEmailAttemptFailed(db: Db, id: string, error: string, nextAttemptAt: Date | null) {
  await db
    .update(emailOutbox)
    .set({
      status: nextAttemptAt ? 'pending' : 'failed',
      attempts: sql`${emailOutbox.attempts} + 1`,
      lastError: error.slice(0, 1000),
      ...(nextAttemptAt
        ? { nextAttemptAt }
        : {
            textBody: withoutLinkTokens(emailOutbox.textBody),
            htmlBody: withoutLinkTokens(emailOutbox.htmlBody),
          }),
    })
    .where(eq(emailOutbox.id, id));
}
