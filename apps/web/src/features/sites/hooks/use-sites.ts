import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UpdateSiteRequest } from '@ciao/domain';
import {
  createSite,
  getDefaultGeofenceRadius,
  getSite,
  listClientChoices,
  listSites,
  updateSite,
} from '../api/sites-api';
import type { SiteListParams } from '../api/sites-api';

const sitesKey = ['sites'] as const;

export function useSiteList(params: SiteListParams) {
  return useQuery({
    queryKey: [...sitesKey, 'list', params],
    queryFn: ({ signal }) => listSites(params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useSite(siteId: string | undefined) {
  return useQuery({
    queryKey: [...sitesKey, 'one', siteId],
    queryFn: ({ signal }) => getSite(siteId ?? '', signal),
    enabled: siteId !== undefined,
  });
}

/** The company's clients, for the client select and filter. */
export function useClientChoices() {
  return useQuery({
    queryKey: ['clients', 'choices'],
    queryFn: ({ signal }) => listClientChoices(signal),
  });
}

/** The company's default radius, for a new site's map (under the company's key: a change refreshes it). */
export function useDefaultGeofenceRadius(enabled: boolean) {
  return useQuery({
    queryKey: ['company', 'defaultGeofenceRadius'],
    queryFn: ({ signal }) => getDefaultGeofenceRadius(signal),
    enabled,
    staleTime: 60_000,
  });
}

/** The sites' mutations; each refreshes the sites and the clients (their site counts). */
export function useSiteMutations() {
  const queryClient = useQueryClient();
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: sitesKey });
    await queryClient.invalidateQueries({ queryKey: ['clients'] });
  };
  return {
    create: useMutation({ mutationFn: createSite, onSuccess: refresh }),
    update: useMutation({
      mutationFn: ({ siteId, body }: { siteId: string; body: UpdateSiteRequest }) => updateSite(siteId, body),
      onSuccess: refresh,
    }),
  };
}
