import {
  agentPage,
  correctionRequestPage,
  correctionRequestView,
  onssBulkResult,
  onssRegistrationDetail,
  onssRegistrationPage,
  onssRegistrationSummary,
  sitePage,
} from '@ciao/domain';
import type {
  CorrectionRequestStatus,
  CreateCorrectionRequestRequest,
  OnssFollowUpStatus,
  UpdateOnssFollowUpRequest,
} from '@ciao/domain';
import type { z } from 'zod';
import type { ComboboxOption } from '../../../components/search-combobox';
import { api, queryString } from '../../../lib/api';

export type OnssRegistrationPage = z.output<typeof onssRegistrationPage>;
export type CorrectionRequestPage = z.output<typeof correctionRequestPage>;
export type Params = Record<string, string | number>;

const registration = (id: string) => `/api/onss-registrations/${encodeURIComponent(id)}`;
const correction = (id: string) => `/api/onss-correction-requests/${encodeURIComponent(id)}`;

/** `GET /api/onss-registrations` (onssRegistrations.read): a page, with the count per status. */
export function listOnssRegistrations(params: Params, signal?: AbortSignal): Promise<OnssRegistrationPage> {
  return api.get(`/api/onss-registrations${queryString(params)}`, onssRegistrationPage, { signal });
}

/** The counts at the top of the tracking screen. */
export function getOnssSummary(params: Params, signal?: AbortSignal) {
  return api.get(`/api/onss-registrations/summary${queryString(params)}`, onssRegistrationSummary, {
    signal,
  });
}

export function getOnssRegistration(id: string, signal?: AbortSignal) {
  return api.get(registration(id), onssRegistrationDetail, { signal });
}

/** Administrators, supervisors and inspectors only (onssFollowUp.write). */
export function updateFollowUp(id: string, body: UpdateOnssFollowUpRequest) {
  return api.patch(`${registration(id)}/follow-up`, onssRegistrationDetail, body);
}

export function bulkSetFollowUp(ids: string[], followUpStatus: OnssFollowUpStatus) {
  return api.patch('/api/onss-registrations/follow-up', onssBulkResult, { ids, followUpStatus });
}

/** Sends again what needs attention or keeps failing (onssRegistrations.resend). */
export function bulkRetry(ids: string[]) {
  return api.post('/api/onss-registrations/retry', onssBulkResult, { ids });
}

export function retryRegistration(id: string) {
  return api.post(`${registration(id)}/retry`, onssRegistrationDetail);
}

export function listCorrectionRequests(params: Params, signal?: AbortSignal): Promise<CorrectionRequestPage> {
  return api.get(`/api/onss-correction-requests${queryString(params)}`, correctionRequestPage, { signal });
}

export function getCorrectionRequest(id: string, signal?: AbortSignal) {
  return api.get(correction(id), correctionRequestView, { signal });
}

export function createCorrectionRequest(body: CreateCorrectionRequestRequest) {
  return api.post('/api/onss-correction-requests', correctionRequestView, body);
}

/** The download addresses of a correction request (same-origin links carry the session cookie). */
export const correctionCsvUrl = (id: string) => `${correction(id)}/export.csv`;
export const correctionPdfUrl = (id: string) => `${correction(id)}/export.pdf`;

/** `PATCH …/status` (onssCorrections.write): sent to ONSS, or ONSS answered; reminders stop. */
export function updateCorrectionRequestStatus(id: string, status: CorrectionRequestStatus) {
  return api.patch(`${correction(id)}/status`, correctionRequestView, { status });
}

/** The agents matching a search, as choices of the list's agent filter. */
export async function searchAgentOptions(q: string, signal?: AbortSignal): Promise<ComboboxOption[]> {
  const page = await api.get(`/api/agents${queryString({ q, pageSize: 20, sort: 'lastName' })}`, agentPage, {
    signal,
  });
  return page.items.map((agent) => ({
    id: agent.id,
    label: `${agent.lastName} ${agent.firstName}`,
    detail: agent.identifier,
  }));
}

/** The sites matching a search, as choices of the list's site filter. */
export async function searchSiteOptions(q: string, signal?: AbortSignal): Promise<ComboboxOption[]> {
  const page = await api.get(`/api/sites${queryString({ q, pageSize: 20, sort: 'name' })}`, sitePage, {
    signal,
  });
  return page.items.map((site) => ({ id: site.id, label: site.name, detail: site.clientName }));
}
