import { DomainError } from '@ciao/domain';
import type { AppContext } from '../../http/app-context.js';
import { decideClockEvent, type ClockWrites } from './clock-decision.js';
import { isUniqueViolation, type AgentClaim } from './clock-repository.js';
import { loadClockContexts, writeClockDecisions, type ClockWrite } from './clock-store.js';
import {
  clockEventContentHash,
  presentDecision,
  publishRecorded,
  recordClockEvent,
  type RecordClockEventInput,
} from './record-clock-event.js';

type Recorded = Awaited<ReturnType<typeof recordClockEvent>>;

interface Waiting {
  input: RecordClockEventInput;
  resolve: (recorded: Recorded) => void;
  reject: (error: unknown) => void;
}

export interface GroupCommitOptions {
  /** Groups in flight at once: each holds one database connection for its transaction. */
  concurrentGroups: number;
  /** Registrations in one group at most. */
  groupSize: number;
}

// A deadlock or a serialisation failure: PostgreSQL rolled the group back and it is safe to retry.
const RETRYABLE_CODES = new Set(['40P01', '40001']);
const isRetryable = (error: unknown): boolean => {
  for (let current = error, depth = 0; current && depth < 4; current = (current as Error).cause, depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && RETRYABLE_CODES.has(code)) return true;
  }
  return false;
};

/**
 * Records single registrations of many agents in shared transactions ("group commit"). Under load
 * the registrations that arrive while earlier groups are being written wait and go together: one
 * lock statement, two reads and one write statement per group instead of per registration, so the
 * rate grows with the load instead of the database's round trips capping it. When the database is
 * idle a registration goes alone at once, with the cost of a single transaction.
 *
 * Every guarantee of `recordClockEvent` holds: one registration per agent per group, the agents
 * locked in id order (two groups never deadlock), each decided by the same pure rules on what was
 * read under its agent's lock, refusals answered one by one, and the answer sent only after the
 * commit. Replays (a known id) and groups that hit a conflict or a deadlock are taken one by one
 * through `recordClockEvent`, which answers them exactly as before.
 */
export class ClockEventGroupCommit {
  readonly #ctx: AppContext;
  readonly #options: GroupCommitOptions;
  readonly #queue: Waiting[] = [];
  /** Agents whose registration is in a group being written: their next one waits for it. */
  readonly #agentsInFlight = new Set<string>();
  #groupsInFlight = 0;
  #flushScheduled = false;

  constructor(ctx: AppContext, options: GroupCommitOptions) {
    this.#ctx = ctx;
    this.#options = options;
  }

  /** Records one registration; resolves after its commit, or rejects with its refusal. */
  record(input: RecordClockEventInput): Promise<Recorded> {
    return new Promise<Recorded>((resolve, reject) => {
      this.#queue.push({ input, resolve, reject });
      this.#scheduleFlush();
    });
  }

  /** Registrations waiting or being written (for shutdown and metrics). */
  get pending(): number {
    return this.#queue.length + this.#agentsInFlight.size;
  }

  // The flush waits for the end of the current turn of the event loop, so that the requests read
  // from the sockets in the same turn join one group.
  #scheduleFlush() {
    if (this.#flushScheduled) return;
    this.#flushScheduled = true;
    setImmediate(() => {
      this.#flushScheduled = false;
      this.#flush();
    });
  }

  #flush() {
    while (this.#groupsInFlight < this.#options.concurrentGroups) {
      const group = this.#takeGroup();
      if (group.length === 0) return;
      this.#groupsInFlight += 1;
      void this.#commit(group).finally(() => {
        this.#groupsInFlight -= 1;
        for (const waiting of group) this.#agentsInFlight.delete(waiting.input.agentId);
        if (this.#queue.length > 0) this.#scheduleFlush();
      });
    }
  }

  /** The oldest waiting registrations, one per agent and none of an agent already in flight. */
  #takeGroup(): Waiting[] {
    const group: Waiting[] = [];
    for (let index = 0; index < this.#queue.length && group.length < this.#options.groupSize;) {
      const waiting = this.#queue[index]!;
      if (this.#agentsInFlight.has(waiting.input.agentId)) {
        index += 1;
        continue;
      }
      this.#agentsInFlight.add(waiting.input.agentId);
      group.push(waiting);
      this.#queue.splice(index, 1);
    }
    return group;
  }

  async #commit(group: Waiting[]) {
    const now = this.#ctx.now();
    const accepted: { waiting: Waiting; write: ClockWrite; answer: Recorded }[] = [];
    const alone: Waiting[] = [];
    const refused = new Set<Waiting>();
    const refuse = (waiting: Waiting, error: unknown) => {
      refused.add(waiting);
      waiting.reject(error);
    };
    try {
      await this.#ctx.db.transaction(async (tx) => {
        const claims: AgentClaim[] = group.map(({ input }) => ({
          tenantId: input.tenantId,
          agentId: input.agentId,
          taskId: input.event.taskId,
          eventId: input.event.id,
        }));
        const contexts = await loadClockContexts(tx, claims, now);
        for (const waiting of group) {
          const { input } = waiting;
          const context = contexts.get(input.agentId);
          if (!context) {
            refuse(
              waiting,
              new DomainError('TOKEN_INVALID', 'Your agent account no longer exists. Sign in again.'),
            );
            continue;
          }
          if (context.eventAlreadyStored) {
            alone.push(waiting);
            continue;
          }
          let decision: ClockWrites;
          try {
            decision = decideClockEvent(context, {
              event: input.event,
              deviceId: input.deviceId,
              contentHash: clockEventContentHash(input.event),
            });
          } catch (error) {
            refuse(waiting, error);
            continue;
          }
          accepted.push({
            waiting,
            write: { decision, ip: input.ip, requestId: input.requestId },
            answer: { outcome: 'recorded', ...presentDecision(decision, context) },
          });
        }
        await writeClockDecisions(
          tx,
          accepted.map(({ write }) => write),
          now,
        );
      });
    } catch (error) {
      // An id another agent already used, or a deadlock with another writer: nothing of the group
      // was written; each registration is taken alone, which answers each one as it deserves.
      const unanswered = group.filter((waiting) => !refused.has(waiting));
      if (isUniqueViolation(error) || isRetryable(error)) {
        await this.#recordAlone(unanswered);
        return;
      }
      for (const waiting of unanswered) waiting.reject(error);
      return;
    }
    publishRecorded(
      this.#ctx,
      accepted.map(({ write }) => write.decision),
    );
    for (const { waiting, answer } of accepted) waiting.resolve(answer);
    await this.#recordAlone(alone);
  }

  async #recordAlone(waitings: readonly Waiting[]) {
    for (const waiting of waitings) {
      try {
        waiting.resolve(await recordClockEvent(this.#ctx, waiting.input));
      } catch (error) {
        waiting.reject(error);
      }
    }
  }
}

const groupCommits = new WeakMap<AppContext, ClockEventGroupCommit>();

/**
 * The app's group commit. PGlite runs one transaction at a time anyway; on PostgreSQL
 * `clockWriteConcurrency` groups overlap (one writing while the next locks and reads). Fewer groups
 * are larger and cost less CPU per registration (docs/performance.md); a second one keeps
 * registrations flowing while a group waits on an agent another transaction holds.
 */
export function clockEventGroupCommit(ctx: AppContext): ClockEventGroupCommit {
  let groupCommit = groupCommits.get(ctx);
  if (!groupCommit) {
    groupCommit = new ClockEventGroupCommit(ctx, {
      concurrentGroups: ctx.database.kind === 'postgres' ? ctx.clockWriteConcurrency : 1,
      groupSize: 64,
    });
    groupCommits.set(ctx, groupCommit);
  }
  return groupCommit;
}
