import { subcontractorPage, subcontractorView } from '@ciao/domain';
import type { CreateSubcontractorRequest, SubcontractorView, UpdateSubcontractorRequest } from '@ciao/domain';
import type { z } from 'zod';
import { api, queryString } from '../../../lib/api';

export type SubcontractorPage = z.output<typeof subcontractorPage>;

/** A list query as `useListState` builds it: search, page, sort, order and filters. */
export type SubcontractorListParams = Record<string, string | number>;

/** `GET /api/subcontractors?q=&page=&sort=&order=&active=` (subcontractors.read). */
export function listSubcontractors(
  params: SubcontractorListParams,
  signal?: AbortSignal,
): Promise<SubcontractorPage> {
  return api.get(`/api/subcontractors${queryString(params)}`, subcontractorPage, { signal });
}

export function createSubcontractor(body: CreateSubcontractorRequest): Promise<SubcontractorView> {
  return api.post('/api/subcontractors', subcontractorView, body);
}

export function updateSubcontractor(
  subcontractorId: string,
  body: UpdateSubcontractorRequest,
): Promise<SubcontractorView> {
  return api.patch(`/api/subcontractors/${encodeURIComponent(subcontractorId)}`, subcontractorView, body);
}
