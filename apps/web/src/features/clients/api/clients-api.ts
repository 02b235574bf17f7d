import { clientPage, clientView, sitePage } from '@ciao/domain';
import type { ClientView, CreateClientRequest, UpdateClientRequest } from '@ciao/domain';
import type { z } from 'zod';
import { api, queryString } from '../../../lib/api';

export type ClientPage = z.output<typeof clientPage>;
export type SitePage = z.output<typeof sitePage>;

/** A list query as `useListState` builds it: search, page, sort, order and filters. */
export type ClientListParams = Record<string, string | number>;

/** `GET /api/clients?q=&page=&sort=&order=&active=` (clients.read). */
export function listClients(params: ClientListParams, signal?: AbortSignal): Promise<ClientPage> {
  return api.get(`/api/clients${queryString(params)}`, clientPage, { signal });
}

export function getClient(clientId: string, signal?: AbortSignal): Promise<ClientView> {
  return api.get(`/api/clients/${encodeURIComponent(clientId)}`, clientView, { signal });
}

export function createClient(body: CreateClientRequest): Promise<ClientView> {
  return api.post('/api/clients', clientView, body);
}

export function updateClient(clientId: string, body: UpdateClientRequest): Promise<ClientView> {
  return api.patch(`/api/clients/${encodeURIComponent(clientId)}`, clientView, body);
}

/** The sites of one client (sites.read), shown on its edit view. */
export function listClientSites(clientId: string, signal?: AbortSignal): Promise<SitePage> {
  return api.get(`/api/sites${queryString({ clientId, pageSize: 200, sort: 'name' })}`, sitePage, { signal });
}
