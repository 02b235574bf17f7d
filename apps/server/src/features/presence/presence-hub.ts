import type { ServerResponse } from 'node:http';
import type { PresenceChange } from '@ciao/domain';
import type { AppEvents } from '../../events/app-events.js';

/** One browser's open stream. */
export interface PresenceClient {
  tenantId: string;
  /** The web session behind the stream, checked again while it stays open. */
  sessionIdHash: string;
  response: ServerResponse;
}

export interface PresenceHubOptions {
  events: AppEvents;
  /** Comment lines that keep proxies and browsers from closing an idle stream. */
  heartbeatMs?: number;
  /** How often a stream's session is checked again (signed out, expired, role changed). */
  recheckMs?: number;
  /** Whether the session may still read presence; a stream whose answer is no is closed. */
  stillAllowed: (client: PresenceClient) => Promise<boolean>;
  /** How long the browser waits before reconnecting (the SSE `retry:` field). */
  retryMs?: number;
}

// A browser that does not read its stream must not make the server hold its events forever.
const MAX_BUFFERED_BYTES = 1024 * 1024;

/**
 * The open presence streams of this process, per company. Every committed change of a company
 * (heard on the app events, including those other processes sent through PostgreSQL) goes to that
 * company's streams only, as a `presence` event; the board then fetches the snapshot again. No
 * `Last-Event-ID` replay: a reconnecting board fetches the snapshot, which is the truth.
 */
export class PresenceHub {
  readonly #byTenant = new Map<string, Set<PresenceClient>>();
  readonly #options: Required<PresenceHubOptions>;
  readonly #unsubscribe: (() => void)[];
  readonly #heartbeat: NodeJS.Timeout;
  #lastRecheck = Date.now();
  #rechecking = false;
  #closed = false;

  constructor(options: PresenceHubOptions) {
    this.#options = { heartbeatMs: 15_000, recheckMs: 60_000, retryMs: 3_000, ...options };
    const { events } = options;
    this.#unsubscribe = [
      events.subscribe('clock_event.recorded', (event) =>
        this.#send(event.tenantId, 'presence', {
          kind: 'clock_event',
          agentId: event.agentId,
          siteId: event.siteId,
          taskId: event.taskId,
          state: event.state,
          at: event.deviceTime,
        } satisfies PresenceChange),
      ),
      events.subscribe('work_session.corrected', (event) =>
        this.#send(event.tenantId, 'presence', {
          kind: 'correction',
          agentId: event.agentId,
          siteId: event.siteId,
          taskId: event.taskId,
          state: 'OFF',
          at: event.correctedAt,
        } satisfies PresenceChange),
      ),
      events.subscribe('events.resync', () => {
        for (const tenantId of this.#byTenant.keys()) this.#send(tenantId, 'resync', {});
      }),
    ];
    this.#heartbeat = setInterval(() => this.#beat(), this.#options.heartbeatMs);
    this.#heartbeat.unref();
  }

  /** The streams open in this process (for /metrics). */
  get connectedClients(): number {
    let total = 0;
    for (const clients of this.#byTenant.values()) total += clients.size;
    return total;
  }

  /** Starts the stream on an already authorised response; it ends when the browser leaves. */
  open(client: PresenceClient, options: { probe?: boolean } = {}) {
    const { response } = client;
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-store, no-transform',
      // nginx buffers responses by default: an event would wait there (docs/scaling.md).
      'x-accel-buffering': 'no',
      // A stream never hands its connection over to another request; closing it with the stream
      // lets the server stop at once instead of waiting for an idle keep-alive timeout.
      connection: 'close',
    });
    response.write(`retry: ${this.#options.retryMs}\n: ciao presence stream\n\n`);
    response.write(`event: ready\ndata: {}\n\n`);
    if (options.probe || this.#closed) {
      response.end();
      return;
    }
    let clients = this.#byTenant.get(client.tenantId);
    if (!clients) {
      clients = new Set();
      this.#byTenant.set(client.tenantId, clients);
    }
    clients.add(client);
    response.on('close', () => {
      this.#remove(client);
      // The browser went away (it may only have half-closed): free the connection now, not when
      // the server stops.
      response.socket?.destroy();
    });
  }

  /** Ends every stream (server shutdown): the browsers reconnect, to another process if need be. */
  close() {
    this.#closed = true;
    clearInterval(this.#heartbeat);
    for (const stop of this.#unsubscribe) stop();
    for (const clients of this.#byTenant.values())
      for (const client of clients) {
        // Once the end is written, drop the socket: a client that keeps its half of the connection
        // open (keep-alive) would otherwise hold the server's close for seconds.
        const { response } = client;
        response.end(() => response.socket?.destroy());
      }
    this.#byTenant.clear();
  }

  #remove(client: PresenceClient) {
    const clients = this.#byTenant.get(client.tenantId);
    if (!clients) return;
    clients.delete(client);
    if (clients.size === 0) this.#byTenant.delete(client.tenantId);
  }

  #send(tenantId: string, event: string, data: object) {
    const clients = this.#byTenant.get(tenantId);
    if (!clients) return;
    const message = `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
    for (const client of clients) this.#write(client, message);
  }

  #write(client: PresenceClient, message: string) {
    const { response } = client;
    if (response.writableLength > MAX_BUFFERED_BYTES) {
      response.destroy();
      this.#remove(client);
      return;
    }
    response.write(message);
  }

  #beat() {
    for (const clients of this.#byTenant.values())
      for (const client of clients) this.#write(client, ': heartbeat\n\n');
    if (Date.now() - this.#lastRecheck >= this.#options.recheckMs && !this.#rechecking) {
      this.#lastRecheck = Date.now();
      this.#rechecking = true;
      void this.#recheck().finally(() => {
        this.#rechecking = false;
      });
    }
  }

  async #recheck() {
    const all = [...this.#byTenant.values()].flatMap((clients) => [...clients]);
    for (const client of all) {
      let allowed = true;
      try {
        allowed = await this.#options.stillAllowed(client);
      } catch {
        // The database is away: keep the stream; the next check decides.
      }
      if (!allowed) {
        client.response.write('event: signed-out\ndata: {}\n\n');
        client.response.end();
        this.#remove(client);
      }
    }
  }
}
