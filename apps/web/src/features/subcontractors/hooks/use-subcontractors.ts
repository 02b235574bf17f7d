import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UpdateSubcontractorRequest } from '@ciao/domain';
import { createSubcontractor, listSubcontractors, updateSubcontractor } from '../api/subcontractors-api';
import type { SubcontractorListParams } from '../api/subcontractors-api';

// The agents screen keeps the active subcontractors under this key too: a change here refreshes it.
const subcontractorsKey = ['subcontractors'] as const;

export function useSubcontractorList(params: SubcontractorListParams) {
  return useQuery({
    queryKey: [...subcontractorsKey, 'list', params],
    queryFn: ({ signal }) => listSubcontractors(params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useSubcontractorMutations() {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: subcontractorsKey });
  return {
    create: useMutation({ mutationFn: createSubcontractor, onSuccess: refresh }),
    update: useMutation({
      mutationFn: ({
        subcontractorId,
        body,
      }: {
        subcontractorId: string;
        body: UpdateSubcontractorRequest;
      }) => updateSubcontractor(subcontractorId, body),
      onSuccess: refresh,
    }),
  };
}
