import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  getCompany,
  getOnssConnection,
  testOnssConnection,
  updateCompany,
  updateOnssConnection,
} from '../api/company-api';

const companyKey = ['company'] as const;

export function useCompany() {
  return useQuery({ queryKey: companyKey, queryFn: ({ signal }) => getCompany(signal) });
}

export function useUpdateCompany() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateCompany,
    onSuccess: (company) => queryClient.setQueryData(companyKey, company),
  });
}

const onssConnectionKey = ['company', 'onss-connection'] as const;

export function useOnssConnection() {
  return useQuery({ queryKey: onssConnectionKey, queryFn: ({ signal }) => getOnssConnection(signal) });
}

/** Saving and testing both change what the panel shows (the key, the last test): both refresh it. */
export function useOnssConnectionMutations() {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: onssConnectionKey });
  return {
    update: useMutation({
      mutationFn: updateOnssConnection,
      onSuccess: (connection) => queryClient.setQueryData(onssConnectionKey, connection),
    }),
    test: useMutation({ mutationFn: testOnssConnection, onSettled: refresh }),
  };
}
