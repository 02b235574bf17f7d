import { clientPage, myNotifications, sitePage } from '@ciao/domain';
import type { NotificationSubscription } from '@ciao/domain';
import type { z } from 'zod';
import { api, queryString } from '../../../lib/api';

export type MyNotifications = z.output<typeof myNotifications>;

const base = '/api/me/notifications';

/** `GET /api/me/notifications` (any signed-in user): the types offered to their role and their choices. */
export function getMyNotifications(signal?: AbortSignal): Promise<MyNotifications> {
  return api.get(base, myNotifications, { signal });
}

/** Replaces the caller's subscriptions. */
export function saveMyNotifications(subscriptions: NotificationSubscription[]): Promise<MyNotifications> {
  return api.put(base, myNotifications, { subscriptions });
}

/** The sites and clients a scope may name, by name (the first 200 of each). */
export async function listScopeChoices(signal?: AbortSignal) {
  const query = queryString({ pageSize: 200, sort: 'name' });
  const [sites, clients] = await Promise.all([
    api.get(`/api/sites${query}`, sitePage, { signal }),
    api.get(`/api/clients${query}`, clientPage, { signal }),
  ]);
  return {
    sites: sites.items.map((site) => ({ value: site.id, label: site.name })),
    clients: clients.items.map((client) => ({ value: client.id, label: client.name })),
  };
}
