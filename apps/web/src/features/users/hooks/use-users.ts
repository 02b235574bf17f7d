import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UpdateUserRequest } from '@ciao/domain';
import { createUser, listUsers, resetUserSecondFactor, setUserPassword, updateUser } from '../api/users-api';
import type { UserListParams } from '../api/users-api';

const usersKey = ['users'] as const;

export function useUserList(params: UserListParams) {
  return useQuery({
    queryKey: [...usersKey, 'list', params],
    queryFn: ({ signal }) => listUsers(params, signal),
    // The current page stays on screen while the next one loads.
    placeholderData: keepPreviousData,
  });
}

/** The users' mutations; each refreshes the list once it is done. */
export function useUserMutations() {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: usersKey });
  return {
    create: useMutation({ mutationFn: createUser, onSuccess: refresh }),
    update: useMutation({
      mutationFn: ({ userId, body }: { userId: string; body: UpdateUserRequest }) => updateUser(userId, body),
      onSuccess: refresh,
    }),
    setPassword: useMutation({
      mutationFn: ({ userId, password }: { userId: string; password: string }) =>
        setUserPassword(userId, password),
      onSuccess: refresh,
    }),
    resetSecondFactor: useMutation({ mutationFn: resetUserSecondFactor, onSuccess: refresh }),
  };
}
