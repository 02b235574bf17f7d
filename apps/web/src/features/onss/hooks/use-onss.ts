import type {
  CorrectionRequestStatus,
  CreateCorrectionRequestRequest,
  OnssFollowUpStatus,
  UpdateOnssFollowUpRequest,
} from '@ciao/domain';
import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  bulkRetry,
  bulkSetFollowUp,
  createCorrectionRequest,
  getCorrectionRequest,
  getOnssRegistration,
  getOnssSummary,
  updateCorrectionRequestStatus,
  listCorrectionRequests,
  listOnssRegistrations,
  retryRegistration,
  updateFollowUp,
  type Params,
} from '../api/onss-api';

const onssKey = ['onss'] as const;
const correctionsKey = ['onss-corrections'] as const;

export function useOnssList(params: Params) {
  return useQuery({
    queryKey: [...onssKey, 'list', params],
    queryFn: ({ signal }) => listOnssRegistrations(params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useOnssSummary(params: Params) {
  return useQuery({
    queryKey: [...onssKey, 'summary', params],
    queryFn: ({ signal }) => getOnssSummary(params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useOnssRegistration(id: string | undefined) {
  return useQuery({
    queryKey: [...onssKey, 'one', id],
    queryFn: ({ signal }) => getOnssRegistration(id!, signal),
    enabled: id !== undefined,
  });
}

/** The registrations a correction request is being written for, one request each. */
export function useOnssRegistrations(ids: readonly string[]) {
  return useQueries({
    queries: ids.map((id) => ({
      queryKey: [...onssKey, 'one', id],
      queryFn: ({ signal }: { signal: AbortSignal }) => getOnssRegistration(id, signal),
    })),
  });
}

/** Every change refreshes the lists, the counts and the correction requests. */
export function useOnssMutations() {
  const queryClient = useQueryClient();
  // Not awaited: a row may leave the filtered list on refresh, and the caller's own success
  // callback (closing the editor, the bulk summary) must run before its component unmounts.
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: onssKey });
    void queryClient.invalidateQueries({ queryKey: correctionsKey });
  };
  return {
    updateFollowUp: useMutation({
      mutationFn: ({ id, body }: { id: string; body: UpdateOnssFollowUpRequest }) => updateFollowUp(id, body),
      onSuccess: refresh,
    }),
    bulkFollowUp: useMutation({
      mutationFn: ({ ids, status }: { ids: string[]; status: OnssFollowUpStatus }) =>
        bulkSetFollowUp(ids, status),
      onSuccess: refresh,
    }),
    bulkRetry: useMutation({ mutationFn: bulkRetry, onSuccess: refresh }),
    retry: useMutation({ mutationFn: retryRegistration, onSuccess: refresh }),
    createCorrection: useMutation({
      mutationFn: (body: CreateCorrectionRequestRequest) => createCorrectionRequest(body),
      onSuccess: refresh,
    }),
  };
}

export function useCorrectionList(params: Params) {
  return useQuery({
    queryKey: [...correctionsKey, 'list', params],
    queryFn: ({ signal }) => listCorrectionRequests(params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useCorrectionRequest(id: string) {
  return useQuery({
    queryKey: [...correctionsKey, 'one', id],
    queryFn: ({ signal }) => getCorrectionRequest(id, signal),
  });
}

/** Asked once per page load: the API's routes do not change while it runs. */
/** Marks a correction request sent to ONSS or answered; the request and the lists refresh. */
export function useCorrectionRequestStatus(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (status: CorrectionRequestStatus) => updateCorrectionRequestStatus(id, status),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: correctionsKey });
      void queryClient.invalidateQueries({ queryKey: ['anomalies'] });
    },
  });
}
