import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  askLicenceCode,
  createLicence,
  listDevices,
  listLicenceRequests,
  listLicences,
  revokeDevice,
  revokeLicence,
} from '../api/licences-api';
import type { ListParams } from '../api/licences-api';

const licencesKey = ['licences'] as const;
const devicesKey = ['devices'] as const;

export function useLicenceList(params: ListParams) {
  return useQuery({
    queryKey: [...licencesKey, 'list', params],
    queryFn: ({ signal }) => listLicences(params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useDeviceList(params: ListParams) {
  return useQuery({
    queryKey: [...devicesKey, 'list', params],
    queryFn: ({ signal }) => listDevices(params, signal),
    placeholderData: keepPreviousData,
  });
}

/** Licences and devices change together (a revoked licence signs its phones out): both refresh. */
export function useLicenceMutations() {
  const queryClient = useQueryClient();
  const refresh = async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: licencesKey }),
      queryClient.invalidateQueries({ queryKey: devicesKey }),
    ]);
  };
  return {
    create: useMutation({ mutationFn: createLicence, onSuccess: refresh }),
    revoke: useMutation({
      mutationFn: ({ licenceId, revokeDevices }: { licenceId: string; revokeDevices: boolean }) =>
        revokeLicence(licenceId, revokeDevices),
      onSuccess: refresh,
    }),
    revokeDevice: useMutation({ mutationFn: revokeDevice, onSuccess: refresh }),
  };
}

const requestsKey = ['licence-requests'] as const;

export function useLicenceRequests() {
  return useQuery({ queryKey: requestsKey, queryFn: ({ signal }) => listLicenceRequests(signal) });
}

export function useAskLicenceCode() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: askLicenceCode,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: requestsKey }),
  });
}
