import { onssRegistrationStatuses, type OnssRegistrationStatus } from '@ciao/domain';
import { periodOfDays } from '../../lib/brussels-day';

/** The tabs of the ONSS tracking list; each is a filter people use every day. */
export const onssViews = ['all', 'refused', 'pending', 'late', 'attention'] as const;
export type OnssView = (typeof onssViews)[number];

export const isOnssView = (value: string): value is OnssView =>
  (onssViews as readonly string[]).includes(value);

/** The list filters as the address bar keeps them (empty text = not set). */
export interface OnssFilters {
  view: string;
  status: string;
  followUpStatus: string;
  from: string;
  to: string;
  agentId: string;
  siteId: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const isStatus = (value: string): value is OnssRegistrationStatus =>
  (onssRegistrationStatuses as readonly string[]).includes(value);

/**
 * The list query of a view and its filters. "Pending" is registered at ONSS and waiting for its
 * validation; "late" is not confirmed 5 minutes after the registration, whatever its status; a
 * view's own status wins over the status filter. Dates are Brussels days, `to` included.
 * Example: `onssListQuery({ view: 'refused', … }, 1, 20)` -> `{ status: 'refused', page: 1, pageSize: 20 }`.
 */
export function onssListQuery(filters: OnssFilters, page: number, pageSize: number) {
  const query: Record<string, string | number> = { page, pageSize };
  const view = isOnssView(filters.view) ? filters.view : 'all';
  if (view === 'refused') query.status = 'refused';
  else if (view === 'pending') query.status = 'registered';
  else if (view === 'attention') query.status = 'needs_attention';
  else if (isStatus(filters.status)) query.status = filters.status;
  if (view === 'late') query.late = 'true';
  if (filters.followUpStatus) query.followUpStatus = filters.followUpStatus;
  if (UUID.test(filters.agentId)) query.agentId = filters.agentId;
  if (UUID.test(filters.siteId)) query.siteId = filters.siteId;
  Object.assign(query, periodOfDays(filters.from, filters.to));
  return query;
}

/** What the status filter may still choose in a view that fixes no status of its own. */
export const viewFixesStatus = (view: string) =>
  view === 'refused' || view === 'pending' || view === 'attention';
