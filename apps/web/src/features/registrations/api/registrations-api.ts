import {
  clientPage,
  registrationDetail,
  registrationPage,
  sitePage,
  taskGroupPage,
  taskPage,
} from '@ciao/domain';
import type { RegistrationDetail } from '@ciao/domain';
import type { z } from 'zod';
import { api, queryString } from '../../../lib/api';

export type RegistrationPage = z.output<typeof registrationPage>;

/** `GET /api/registrations` (registrations.read) with the list's filters, page and sort. */
export function listRegistrations(
  params: Record<string, string | number>,
  signal?: AbortSignal,
): Promise<RegistrationPage> {
  return api.get(`/api/registrations${queryString(params)}`, registrationPage, { signal });
}

export function getRegistration(id: string, signal?: AbortSignal): Promise<RegistrationDetail> {
  return api.get(`/api/registrations/${encodeURIComponent(id)}`, registrationDetail, { signal });
}

// The filters' choices: a company has few clients, sites, tasks and groups; the largest page fits.
const choices = { sort: 'name', pageSize: 200 };

export function listClientChoices(signal?: AbortSignal) {
  return api.get(`/api/clients${queryString(choices)}`, clientPage, { signal });
}

export function listSiteChoices(signal?: AbortSignal) {
  return api.get(`/api/sites${queryString(choices)}`, sitePage, { signal });
}

export function listTaskChoices(signal?: AbortSignal) {
  return api.get(`/api/tasks${queryString(choices)}`, taskPage, { signal });
}

export function listGroupChoices(signal?: AbortSignal) {
  return api.get(`/api/task-groups${queryString(choices)}`, taskGroupPage, { signal });
}
