import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UpdateClientRequest } from '@ciao/domain';
import { createClient, getClient, listClientSites, listClients, updateClient } from '../api/clients-api';
import type { ClientListParams } from '../api/clients-api';

const clientsKey = ['clients'] as const;

export function useClientList(params: ClientListParams) {
  return useQuery({
    queryKey: [...clientsKey, 'list', params],
    queryFn: ({ signal }) => listClients(params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useClient(clientId: string | undefined) {
  return useQuery({
    queryKey: [...clientsKey, 'one', clientId],
    queryFn: ({ signal }) => getClient(clientId ?? '', signal),
    enabled: clientId !== undefined,
  });
}

/** A client's sites; under the sites' key, so that a site saved elsewhere refreshes it. */
export function useClientSites(clientId: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['sites', 'of-client', clientId],
    queryFn: ({ signal }) => listClientSites(clientId ?? '', signal),
    enabled: enabled && clientId !== undefined,
  });
}

/** The clients' mutations; each refreshes the clients (and the sites, which show their client's name). */
export function useClientMutations() {
  const queryClient = useQueryClient();
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: clientsKey });
    await queryClient.invalidateQueries({ queryKey: ['sites'] });
  };
  return {
    create: useMutation({ mutationFn: createClient, onSuccess: refresh }),
    update: useMutation({
      mutationFn: ({ clientId, body }: { clientId: string; body: UpdateClientRequest }) =>
        updateClient(clientId, body),
      onSuccess: refresh,
    }),
  };
}
