import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { platformApi } from '../api/platform-api';

export const platformKeys = {
  session: ['platform', 'session'] as const,
  tenants: ['platform', 'tenants'] as const,
  licences: (code: string) => ['platform', 'licences', code] as const,
  requests: (status: string) => ['platform', 'licence-requests', status] as const,
  emails: (page: number) => ['platform', 'emails', page] as const,
};

export function useOperatorSession() {
  return useQuery({
    queryKey: platformKeys.session,
    queryFn: ({ signal }) => platformApi.session(signal),
    retry: false,
  });
}

export function usePlatformTenants() {
  return useQuery({ queryKey: platformKeys.tenants, queryFn: ({ signal }) => platformApi.tenants(signal) });
}

export function useTenantLicences(code: string) {
  return useQuery({
    queryKey: platformKeys.licences(code),
    queryFn: ({ signal }) => platformApi.licences(code, signal),
  });
}

export function usePlatformLicenceRequests(status: string) {
  return useQuery({
    queryKey: platformKeys.requests(status),
    queryFn: ({ signal }) => platformApi.licenceRequests(status, signal),
  });
}

export function useOutbox(page: number) {
  return useQuery({
    queryKey: platformKeys.emails(page),
    queryFn: ({ signal }) => platformApi.emails(page, signal),
    placeholderData: keepPreviousData,
  });
}

/** Every console change refreshes the console's lists: they are small, and figures move together. */
export function usePlatformMutation<Input, Output>(mutationFn: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () =>
      queryClient.invalidateQueries({
        predicate: (query) => query.queryKey[0] === 'platform' && query.queryKey[1] !== 'session',
      }),
  });
}
