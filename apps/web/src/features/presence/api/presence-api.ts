import { presenceSnapshot, type PresenceSnapshot } from '@ciao/domain';
import { api } from '../../../lib/api';

/** `GET /api/presence` (registrations.read): who is on site now, and who is planned but not arrived. */
export function getPresence(signal?: AbortSignal): Promise<PresenceSnapshot> {
  return api.get('/api/presence', presenceSnapshot, { signal });
}

/** The stream that says when the snapshot changed (server-sent events, same origin, session cookie). */
export const presenceStreamUrl = '/api/presence/stream';
