import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getCompany, updateCompany } from '../api/company-api';

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
