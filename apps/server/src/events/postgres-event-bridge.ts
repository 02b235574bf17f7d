import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { AppEvents, AppEventMap, AppEventType } from './app-events.js';

/** The channel every ciao process listens on. */
export const eventChannel = 'ciao_events';

// The events other processes need (the live board); `events.resync` is about this process only.
const sharedTypes = new Set<AppEventType>(['clock_event.recorded', 'work_session.corrected']);
// PostgreSQL refuses a NOTIFY payload of 8000 bytes or more; stay clear of it.
const MAX_PAYLOAD_BYTES = 7_500;
// Events waiting while PostgreSQL is unreachable: past this, the oldest are dropped (the boards
// resync by their snapshot when the stream reconnects; nothing legal depends on these events).
const MAX_QUEUED = 10_000;

type SharedEvent = [AppEventType, AppEventMap[AppEventType]];

/** One NOTIFY's payload: who sent it (to ignore our own) and the events, in order. */
interface Envelope {
  p: string;
  e: SharedEvent[];
}

export interface EventBridgeOptions {
  /** How to reach PostgreSQL: the pool's settings, for a dedicated connection outside the pool. */
  connection: pg.ClientConfig;
  events: AppEvents;
  /** Local events are sent together once per this many milliseconds (one round trip, off the request). */
  batchMs?: number;
  logger?: { warn(object: object, message: string): void; info(object: object, message: string): void };
}

/** Splits events into NOTIFY payloads under the size limit, keeping their order. */
export function envelopes(processId: string, events: readonly SharedEvent[], maxBytes = MAX_PAYLOAD_BYTES) {
  const payloads: string[] = [];
  let batch: SharedEvent[] = [];
  let size = 0;
  const overhead = Buffer.byteLength(JSON.stringify({ p: processId, e: [] }));
  for (const event of events) {
    const bytes = Buffer.byteLength(JSON.stringify(event)) + 1;
    if (overhead + bytes > maxBytes) continue; // cannot be sent at all (never the case for ours)
    if (batch.length > 0 && overhead + size + bytes > maxBytes) {
      payloads.push(JSON.stringify({ p: processId, e: batch } satisfies Envelope));
      batch = [];
      size = 0;
    }
    batch.push(event);
    size += bytes;
  }
  if (batch.length > 0) payloads.push(JSON.stringify({ p: processId, e: batch } satisfies Envelope));
  return payloads;
}

/**
 * Shares the app events of several API processes on one PostgreSQL: the events published here are
 * sent with NOTIFY (batched every `batchMs` on a dedicated connection, so a registration never waits
 * for it), and what the other processes NOTIFY is published here. Our own notifications come back
 * too and are recognised by the process id. When the connection drops (PostgreSQL restarted), it
 * is opened again with a growing delay, LISTEN resumes, and the listeners are told to resync.
 */
export class PostgresEventBridge {
  readonly processId = randomUUID();
  readonly #options: Required<Omit<EventBridgeOptions, 'logger'>> & Pick<EventBridgeOptions, 'logger'>;
  #client: pg.Client | undefined;
  #queue: SharedEvent[] = [];
  #flushTimer: NodeJS.Timeout | undefined;
  #reconnectTimer: NodeJS.Timeout | undefined;
  #reconnectDelayMs = 250;
  #flushing: Promise<void> | undefined;
  #stopped = false;
  #untap: () => void = () => {};
  #connects = 0;

  constructor(options: EventBridgeOptions) {
    this.#options = { batchMs: 50, ...options };
  }

  /** Whether the LISTEN connection is up (for health and tests). */
  get listening(): boolean {
    return this.#client !== undefined;
  }

  /** Connects and listens; resolves once listening, or throws when PostgreSQL cannot be reached. */
  async start(): Promise<void> {
    this.#untap = this.#options.events.tapLocal((type, payload) => {
      if (!sharedTypes.has(type)) return;
      this.#queue.push([type, payload]);
      if (this.#queue.length > MAX_QUEUED) this.#queue.splice(0, this.#queue.length - MAX_QUEUED);
      this.#scheduleFlush();
    });
    await this.#connect();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    this.#untap();
    clearTimeout(this.#reconnectTimer);
    clearTimeout(this.#flushTimer);
    this.#flushTimer = undefined;
    await this.#flushing;
    await this.#flush().catch(() => {});
    const client = this.#client;
    this.#client = undefined;
    await client?.end().catch(() => {});
  }

  async #connect(): Promise<void> {
    const client = new pg.Client({ ...this.#options.connection, application_name: 'ciao-events' });
    const lost = (error?: Error) => {
      if (this.#client !== client) return;
      this.#client = undefined;
      client.end().catch(() => {});
      if (this.#stopped) return;
      this.#options.logger?.warn({ err: error }, 'event bridge: LISTEN connection lost, reconnecting');
      this.#scheduleReconnect();
    };
    client.on('error', lost);
    client.on('end', () => lost());
    client.on('notification', (message) => {
      if (message.channel === eventChannel && message.payload) this.#receive(message.payload);
    });
    await client.connect();
    try {
      await client.query(`listen ${eventChannel}`);
    } catch (error) {
      await client.end().catch(() => {});
      throw error;
    }
    if (this.#stopped) {
      await client.end().catch(() => {});
      return;
    }
    this.#client = client;
    this.#reconnectDelayMs = 250;
    this.#connects += 1;
    // Whatever other processes sent while we were away is lost: the boards must look again.
    if (this.#connects > 1) {
      this.#options.logger?.info({}, 'event bridge: listening again');
      this.#options.events.publishFromElsewhere('events.resync', { reason: 'listen_reconnected' });
    }
    if (this.#queue.length > 0) this.#scheduleFlush();
  }

  #scheduleReconnect() {
    clearTimeout(this.#reconnectTimer);
    const delay = this.#reconnectDelayMs;
    this.#reconnectDelayMs = Math.min(this.#reconnectDelayMs * 2, 5_000);
    this.#reconnectTimer = setTimeout(() => {
      this.#connect().catch((error: unknown) => {
        if (this.#stopped) return;
        this.#options.logger?.warn({ err: error }, 'event bridge: PostgreSQL unreachable, retrying');
        this.#scheduleReconnect();
      });
    }, delay);
    this.#reconnectTimer.unref();
  }

  #scheduleFlush() {
    if (this.#flushTimer || this.#stopped) return;
    this.#flushTimer = setTimeout(() => {
      this.#flushTimer = undefined;
      // One flush at a time, so that notifications leave in the order the events happened.
      this.#flushing = (this.#flushing ?? Promise.resolve())
        .then(() => this.#flush())
        .catch((error: unknown) => {
          this.#options.logger?.warn({ err: error }, 'event bridge: NOTIFY failed, will retry');
        });
    }, this.#options.batchMs);
    this.#flushTimer.unref();
  }

  async #flush(): Promise<void> {
    const client = this.#client;
    if (!client || this.#queue.length === 0) return;
    const events = this.#queue;
    this.#queue = [];
    const payloads = envelopes(this.processId, events);
    try {
      // Every payload in one statement: one round trip whatever the number of notifications.
      await client.query('select pg_notify($1, payload) from unnest($2::text[]) as payload', [
        eventChannel,
        payloads,
      ]);
    } catch (error) {
      // Not sent: put them back in front, in order, for the next connection.
      this.#queue = [...events, ...this.#queue].slice(-MAX_QUEUED);
      throw error;
    }
  }

  #receive(payload: string) {
    let envelope: Envelope;
    try {
      envelope = JSON.parse(payload) as Envelope;
    } catch {
      return;
    }
    if (envelope.p === this.processId || !Array.isArray(envelope.e)) return;
    for (const item of envelope.e) {
      if (!Array.isArray(item) || !sharedTypes.has(item[0])) continue;
      this.#options.events.publishFromElsewhere(item[0], item[1] as never);
    }
  }
}
