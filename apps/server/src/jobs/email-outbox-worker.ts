// The e-mail outbox worker: sends what use-cases queued in `email_outbox`. With SMTP configured it
// sends with retries and backoff; without, it writes each message (link included) to the server log
// and marks it `logged`, so that a demo or a first install still shows invitations and resets.
import type { FastifyBaseLogger } from 'fastify';
import nodemailer from 'nodemailer';
import type { AppContext } from '../http/app-context.js';
import {
  claimDueEmails,
  markEmailAttemptFailed,
  markEmailDone,
  type OutboxEmail,
} from '../features/email/email-outbox-repository.js';

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** Where messages go: an SMTP server in production, nothing (the log) without one. */
export interface EmailTransport {
  send(message: OutgoingEmail): Promise<void>;
  close(): void;
}

/** An SMTP transport from `SMTP_URL` (smtp://user:password@host:587, smtps://host:465). */
export function smtpTransport(smtpUrl: string, from: string, timeoutMs = 15_000): EmailTransport {
  const url = new URL(smtpUrl);
  url.searchParams.set('connectionTimeout', String(timeoutMs));
  url.searchParams.set('greetingTimeout', String(timeoutMs));
  url.searchParams.set('socketTimeout', String(timeoutMs));
  const transporter = nodemailer.createTransport(url.toString());
  return {
    send: async (message) => {
      await transporter.sendMail({ from, ...message });
    },
    close: () => transporter.close(),
  };
}

export interface EmailOutboxOptions {
  /** null: no SMTP configured, messages are logged. */
  transport: EmailTransport | null;
  batchSize?: number;
  claimTtlMs?: number;
  /** Attempts before a message is given up (`failed`, kept with its last error). */
  maxAttempts?: number;
  backoff?: { baseMs: number; maxMs: number };
  random?: () => number;
  logger: Pick<FastifyBaseLogger, 'info' | 'warn' | 'error'>;
}

export interface EmailPassSummary {
  /** Claimed a whole batch: more may be due right now. */
  full: boolean;
  sent: number;
  logged: number;
  retrying: number;
  failed: number;
}

/** SMTP 5xx answers are permanent (unknown mailbox, refused sender): retrying will not help. */
function isPermanent(error: unknown): boolean {
  const code = (error as { responseCode?: unknown }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

export function createEmailOutbox(ctx: AppContext, options: EmailOutboxOptions) {
  const {
    transport,
    batchSize = 50,
    claimTtlMs = 120_000,
    maxAttempts = 8,
    backoff = { baseMs: 30_000, maxMs: 60 * 60_000 },
    random = Math.random,
    logger,
  } = options;

  const deliver = async (email: OutboxEmail, summary: EmailPassSummary) => {
    if (!transport) {
      logger.info(
        { emailId: email.id, to: email.toAddress, template: email.template, subject: email.subject },
        `E-mail not sent (no SMTP_URL configured); its text follows.\n${email.textBody}`,
      );
      await markEmailDone(ctx.db, email.id, 'logged', ctx.now());
      summary.logged += 1;
      return;
    }
    try {
      await transport.send({
        to: email.toAddress,
        subject: email.subject,
        text: email.textBody,
        html: email.htmlBody,
      });
      await markEmailDone(ctx.db, email.id, 'sent', ctx.now());
      summary.sent += 1;
    } catch (error) {
      const attempts = email.attempts + 1;
      const giveUp = isPermanent(error) || attempts >= maxAttempts;
      const step = Math.min(backoff.maxMs, backoff.baseMs * 2 ** (attempts - 1));
      const next = giveUp ? null : new Date(ctx.now().getTime() + step * (0.5 + random() * 0.5));
      const message = (error as Error).message ?? String(error);
      await markEmailAttemptFailed(ctx.db, email.id, message, next);
      if (giveUp) {
        summary.failed += 1;
        logger.error(
          { emailId: email.id, template: email.template, attempts },
          `E-mail given up: ${message}`,
        );
      } else {
        summary.retrying += 1;
        logger.warn(
          { emailId: email.id, template: email.template, attempts },
          `E-mail will be retried: ${message}`,
        );
      }
    }
  };

  return {
    /** One pass: claims the due messages and sends them one by one. */
    async runPass(): Promise<EmailPassSummary> {
      const summary: EmailPassSummary = { full: false, sent: 0, logged: 0, retrying: 0, failed: 0 };
      const now = ctx.now();
      const claimed = await claimDueEmails(ctx.db, now, new Date(now.getTime() + claimTtlMs), batchSize);
      summary.full = claimed.length === batchSize;
      for (const email of claimed) await deliver(email, summary);
      return summary;
    },
  };
}

/** Runs the outbox every `intervalMs` until the returned stop function is awaited. */
export function startEmailWorker(
  ctx: AppContext,
  options: EmailOutboxOptions & { intervalMs?: number },
): () => Promise<void> {
  const { intervalMs = 2_000, logger } = options;
  const outbox = createEmailOutbox(ctx, options);
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  /** Whether more messages may be due at once (a whole batch was claimed). */
  const runOnce = async (): Promise<boolean> => {
    try {
      const summary = await outbox.runPass();
      if (summary.sent + summary.retrying + summary.failed > 0) logger.info(summary, 'E-mail outbox pass');
      return summary.full;
    } catch (error) {
      logger.error({ err: error }, 'E-mail outbox pass failed');
      return false;
    }
  };
  // A backlog (an import inviting hundreds of agents) drains pass after pass, not one batch per interval.
  const plan = (delayMs = intervalMs) => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = runOnce()
        .then((more) => plan(more ? 0 : intervalMs))
        .finally(() => {
          running = undefined;
        });
    }, delayMs);
    timer.unref();
  };
  plan();
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
    options.transport?.close();
  };
}
