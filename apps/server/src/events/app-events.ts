import { EventEmitter } from 'node:events';

/** What the rest of the product hears about, after the change is committed. */
export interface AppEventMap {
  'clock_event.recorded': {
    tenantId: string;
    agentId: string;
    taskId: string;
    siteId: string;
    clockEventId: string;
    action: string;
    deviceTime: string;
    state: 'OFF' | 'WORKING' | 'ON_BREAK';
  };
  /** A webhook delivery was queued by a person (test event, redelivery, resume): send it now. */
  'webhook_delivery.queued': { tenantId: string };
  /** Someone asked for a background export: the export worker starts it now. */
  'export_job.queued': { tenantId: string; exportJobId: string };
  /** A manager corrected a work session (which closes it when it was open). */
  'work_session.corrected': {
    tenantId: string;
    agentId: string;
    taskId: string;
    siteId: string;
    workSessionId: string;
    correctedAt: string;
  };
  /**
   * Events from other processes may have been missed (the LISTEN connection was lost): whoever keeps
   * a picture built from events should rebuild it. Never sent to other processes.
   */
  'events.resync': { reason: 'listen_reconnected' };
}

export type AppEventType = keyof AppEventMap;

/** Hears every event published in this process (not those re-published from other processes). */
export type LocalEventTap = <K extends AppEventType>(type: K, payload: AppEventMap[K]) => void;

/**
 * An in-process bus. Publishers call it only after their transaction commits, so that listeners
 * (the live board, webhooks) never see a change that was rolled back. Several API processes share
 * events through PostgreSQL LISTEN/NOTIFY on top of this (events/postgres-event-bridge.ts,
 * docs/scaling.md).
 */
export class AppEvents {
  readonly #emitter = new EventEmitter({ captureRejections: false });
  readonly #taps = new Set<LocalEventTap>();

  constructor() {
    this.#emitter.setMaxListeners(0);
  }

  publish<K extends AppEventType>(type: K, payload: AppEventMap[K]): void {
    this.#emit(type, payload);
    for (const tap of this.#taps) {
      try {
        tap(type, payload);
      } catch {
        // Same rule as for listeners: the committed change has already succeeded.
      }
    }
  }

  /**
   * Publishes to this process's listeners an event another process published: the taps do not hear
   * it, so that the bridge never sends it back.
   */
  publishFromElsewhere<K extends AppEventType>(type: K, payload: AppEventMap[K]): void {
    this.#emit(type, payload);
  }

  subscribe<K extends AppEventType>(type: K, listener: (payload: AppEventMap[K]) => void): () => void {
    this.#emitter.on(type, listener);
    return () => this.#emitter.off(type, listener);
  }

  /** Hears every event published here (the bridge to other processes). */
  tapLocal(tap: LocalEventTap): () => void {
    this.#taps.add(tap);
    return () => this.#taps.delete(tap);
  }

  #emit(type: AppEventType, payload: unknown) {
    try {
      this.#emitter.emit(type, payload);
    } catch {
      // A failing listener must never fail the registration that was already committed.
    }
  }
}
