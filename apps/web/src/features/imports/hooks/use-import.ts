import type { ImportKind, ImportMode } from '@ciao/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { runImport } from '../api/imports-api';

/** Checks or imports a file; after an import, the lists of that kind are fetched again. */
export function useRunImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, mode, csv }: { kind: ImportKind; mode: ImportMode; csv: string }) =>
      runImport(kind, mode, csv),
    onSuccess: async (report) => {
      if (report.mode === 'apply' && report.created > 0)
        // Every query of that kind starts with its name (lists, choices, a client's sites).
        await queryClient.invalidateQueries({ queryKey: [report.kind] });
    },
  });
}
