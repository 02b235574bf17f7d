import { userPage, userView } from '@ciao/domain';
import type { CreateUserRequest, UpdateUserRequest, UserView } from '@ciao/domain';
import { z } from 'zod';
import { api, queryString } from '../../../lib/api';

export type UserPage = z.output<typeof userPage>;

/** A list query as `useListState` builds it: search, page, sort, order and filters. */
export type UserListParams = Record<string, string | number>;

/** `GET /api/users?q=&page=&sort=&order=&role=&active=` (administrators only). */
export function listUsers(params: UserListParams, signal?: AbortSignal): Promise<UserPage> {
  return api.get(`/api/users${queryString(params)}`, userPage, { signal });
}

export function createUser(body: CreateUserRequest): Promise<UserView> {
  return api.post('/api/users', userView, body);
}

export function updateUser(userId: string, body: UpdateUserRequest): Promise<UserView> {
  return api.patch(`/api/users/${encodeURIComponent(userId)}`, userView, body);
}

/** Sets a new password (never read back); the user is signed out everywhere. */
export function setUserPassword(userId: string, password: string): Promise<null> {
  return api.post(`/api/users/${encodeURIComponent(userId)}/password`, z.null(), { password });
}

export function resetUserSecondFactor(userId: string): Promise<null> {
  return api.post(`/api/users/${encodeURIComponent(userId)}/second-factor/reset`, z.null());
}
