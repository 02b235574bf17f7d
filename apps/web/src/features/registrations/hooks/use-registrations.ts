import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  getRegistration,
  listClientChoices,
  listGroupChoices,
  listRegistrations,
  listSiteChoices,
  listTaskChoices,
} from '../api/registrations-api';

export function useRegistrationList(params: Record<string, string | number>) {
  return useQuery({
    queryKey: ['registrations', 'list', params],
    queryFn: ({ signal }) => listRegistrations(params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useRegistration(id: string | undefined) {
  return useQuery({
    queryKey: ['registrations', 'one', id],
    queryFn: ({ signal }) => getRegistration(id ?? '', signal),
    enabled: id !== undefined,
  });
}

/** The clients, sites, tasks and groups the filters offer. */
export function useFilterChoices() {
  return {
    clients: useQuery({
      queryKey: ['registrations', 'choices', 'clients'],
      queryFn: ({ signal }) => listClientChoices(signal),
    }),
    sites: useQuery({
      queryKey: ['registrations', 'choices', 'sites'],
      queryFn: ({ signal }) => listSiteChoices(signal),
    }),
    tasks: useQuery({
      queryKey: ['registrations', 'choices', 'tasks'],
      queryFn: ({ signal }) => listTaskChoices(signal),
    }),
    groups: useQuery({
      queryKey: ['registrations', 'choices', 'task-groups'],
      queryFn: ({ signal }) => listGroupChoices(signal),
    }),
  };
}
