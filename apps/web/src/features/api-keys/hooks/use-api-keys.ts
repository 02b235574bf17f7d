import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createApiKey, listApiKeys, revokeApiKey } from '../api/api-keys-api';

const apiKeysKey = ['api-keys'] as const;

export function useApiKeyList() {
  return useQuery({ queryKey: apiKeysKey, queryFn: ({ signal }) => listApiKeys(signal) });
}

export function useApiKeyMutations() {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: apiKeysKey });
  return {
    create: useMutation({ mutationFn: createApiKey, onSuccess: refresh }),
    revoke: useMutation({ mutationFn: revokeApiKey, onSuccess: refresh }),
  };
}
