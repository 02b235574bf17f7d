import { clientPage, companyView, sitePage, siteView } from '@ciao/domain';
import type { CreateSiteRequest, SiteView, UpdateSiteRequest } from '@ciao/domain';
import type { z } from 'zod';
import { api, queryString } from '../../../lib/api';

export type SitePage = z.output<typeof sitePage>;
export type ClientPage = z.output<typeof clientPage>;

/** A list query as `useListState` builds it: search, page, sort, order and filters. */
export type SiteListParams = Record<string, string | number>;

/** `GET /api/sites?q=&page=&sort=&order=&clientId=&active=` (sites.read). */
export function listSites(params: SiteListParams, signal?: AbortSignal): Promise<SitePage> {
  return api.get(`/api/sites${queryString(params)}`, sitePage, { signal });
}

export function getSite(siteId: string, signal?: AbortSignal): Promise<SiteView> {
  return api.get(`/api/sites/${encodeURIComponent(siteId)}`, siteView, { signal });
}

export function createSite(body: CreateSiteRequest): Promise<SiteView> {
  return api.post('/api/sites', siteView, body);
}

export function updateSite(siteId: string, body: UpdateSiteRequest): Promise<SiteView> {
  return api.patch(`/api/sites/${encodeURIComponent(siteId)}`, siteView, body);
}

/** The clients, by name, to pick a site's client and to filter the list (clients.read). */
export function listClientChoices(signal?: AbortSignal): Promise<ClientPage> {
  return api.get(`/api/clients${queryString({ pageSize: 200, sort: 'name' })}`, clientPage, { signal });
}

/** The company's default geofence radius, drawn on the map of a new site left without one (company.read). */
export async function getDefaultGeofenceRadius(signal?: AbortSignal): Promise<number> {
  const company = await api.get('/api/company', companyView, { signal });
  return company.settings.defaultGeofenceRadiusMeters;
}
