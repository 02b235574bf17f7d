import type { ClockAction } from '@ciao/domain';
import { Dexie } from 'dexie';
import type { EntityTable } from 'dexie';

/**
 * One registration made on this phone. It is written here first, before any network call, and
 * kept after it is sent: the id (made here) makes every resend harmless.
 */
export interface QueuedEvent {
  id: string;
  agentId: string;
  taskId: string;
  taskName: string;
  siteName: string;
  action: ClockAction;
  /** ISO 8601, the phone's clock at the tap. */
  deviceTime: string;
  position: { latitude: number; longitude: number; accuracyMeters: number };
  capturedOffline: boolean;
  appVersion: string;
  /** pending: waiting to send; sent: the server holds it; refused: the server said why not. */
  status: 'pending' | 'sent' | 'refused';
  attempts: number;
  code?: string;
  message?: string;
  onssStatus?: string | null;
  flags?: string[];
  sentAt?: string;
}

/** Answers kept for offline use (tasks, state, history), per agent. */
export interface CacheEntry {
  key: string;
  value: unknown;
  savedAt: string;
}

export const db = new Dexie('ciao-agent') as Dexie & {
  events: EntityTable<QueuedEvent, 'id'>;
  cache: EntityTable<CacheEntry, 'key'>;
};

db.version(1).stores({
  events: 'id, agentId, status, deviceTime, [agentId+status]',
  cache: 'key',
});

export async function readCache<T>(key: string): Promise<{ value: T; savedAt: string } | undefined> {
  const entry = await db.cache.get(key);
  return entry ? { value: entry.value as T, savedAt: entry.savedAt } : undefined;
}

export async function writeCache(key: string, value: unknown): Promise<void> {
  await db.cache.put({ key, value, savedAt: new Date().toISOString() });
}
