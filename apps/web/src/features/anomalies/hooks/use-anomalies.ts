import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  acknowledgeAnomaly,
  getAnomalySummary,
  listAnomalies,
  resolveAnomaly,
  type Params,
} from '../api/anomalies-api';

const anomaliesKey = ['anomalies'] as const;

export function useAnomalyList(params: Params) {
  return useQuery({
    queryKey: [...anomaliesKey, 'list', params],
    queryFn: ({ signal }) => listAnomalies(params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useAnomalySummary(params: Params) {
  return useQuery({
    queryKey: [...anomaliesKey, 'summary', params],
    queryFn: ({ signal }) => getAnomalySummary(params, signal),
    placeholderData: keepPreviousData,
  });
}

/** Acknowledging or resolving changes the list and the counts: both refresh. */
export function useAnomalyMutations() {
  const queryClient = useQueryClient();
  // Not awaited: the row may leave the filtered list on refresh, and the caller's own success
  // callback (closing the form, saying it is done) must run before its form unmounts.
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: anomaliesKey });
  };
  return {
    acknowledge: useMutation({
      mutationFn: ({ id, comment }: { id: string; comment?: string }) => acknowledgeAnomaly(id, comment),
      onSuccess: refresh,
    }),
    resolve: useMutation({
      mutationFn: ({ id, comment }: { id: string; comment: string }) => resolveAnomaly(id, comment),
      onSuccess: refresh,
    }),
  };
}
