import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  getAnomalies,
  getHours,
  getOnssOnTime,
  getPlannedVsActual,
  listClientChoices,
  listSiteChoices,
  type Params,
} from '../api/analytics-api';

const key = ['analytics'] as const;

// Previous figures stay on screen while a new period loads: the charts do not flash empty.
export function useHours(params: Params) {
  return useQuery({
    queryKey: [...key, 'hours', params],
    queryFn: ({ signal }) => getHours(params, signal),
    placeholderData: keepPreviousData,
  });
}

export function usePlannedVsActual(params: Params) {
  return useQuery({
    queryKey: [...key, 'planned', params],
    queryFn: ({ signal }) => getPlannedVsActual(params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useOnssOnTime(params: Params) {
  return useQuery({
    queryKey: [...key, 'onss', params],
    queryFn: ({ signal }) => getOnssOnTime(params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useAnomaliesPerWeek(params: Params) {
  return useQuery({
    queryKey: [...key, 'anomalies', params],
    queryFn: ({ signal }) => getAnomalies(params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useFilterChoices() {
  return {
    clients: useQuery({
      queryKey: [...key, 'choices', 'clients'],
      queryFn: ({ signal }) => listClientChoices(signal),
    }),
    sites: useQuery({
      queryKey: [...key, 'choices', 'sites'],
      queryFn: ({ signal }) => listSiteChoices(signal),
    }),
  };
}
