import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createExportJob, listExportJobs } from '../../../lib/exports-api';

const key = ['export-jobs'] as const;

/** My background exports, polled every second while one is still queued or running. */
export function useExportJobs() {
  return useQuery({
    queryKey: key,
    queryFn: ({ signal }) => listExportJobs(signal),
    refetchInterval: (query) =>
      query.state.data?.items.some((job) => job.status === 'queued' || job.status === 'running')
        ? 1000
        : false,
  });
}

export function useCreateExportJob() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: createExportJob,
    onSuccess: () => client.invalidateQueries({ queryKey: key }),
  });
}
