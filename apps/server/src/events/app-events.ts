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
}

/**
 * An in-process bus. Publishers call it only after their transaction commits, so that listeners
 * (the live board, webhooks) never see a change that was rolled back. Several API processes share
 * events through PostgreSQL LISTEN/NOTIFY on top of this (docs/scaling.md).
 */
export class AppEvents {
  readonly #emitter = new EventEmitter({ captureRejections: false });

  constructor() {
    this.#emitter.setMaxListeners(0);
  }

  publish<K extends keyof AppEventMap>(type: K, payload: AppEventMap[K]): void {
    try {
      this.#emitter.emit(type, payload);
    } catch {
      // A failing listener must never fail the registration that was already committed.
    }
  }

  subscribe<K extends keyof AppEventMap>(type: K, listener: (payload: AppEventMap[K]) => void): () => void {
    this.#emitter.on(type, listener);
    return () => this.#emitter.off(type, listener);
  }
}
