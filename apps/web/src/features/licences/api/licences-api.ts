import {
  createdLicence,
  deviceSummary,
  devicePage,
  licencePage,
  licenceRequestList,
  licenceRequestSummary,
  revokedLicence,
} from '@ciao/domain';
import type { AskLicenceCodeBody, CreateLicenceRequest } from '@ciao/domain';
import type { z } from 'zod';
import { api, queryString } from '../../../lib/api';

export type LicencePage = z.output<typeof licencePage>;
export type DevicePage = z.output<typeof devicePage>;
export type CreatedLicence = z.output<typeof createdLicence>;
export type RevokedLicence = z.output<typeof revokedLicence>;

/** A list query as `useListState` builds it: search, page, sort, order and filters. */
export type ListParams = Record<string, string | number>;

/** `GET /api/licences` (licences.read): never the codes, only their last characters. */
export function listLicences(params: ListParams, signal?: AbortSignal): Promise<LicencePage> {
  return api.get(`/api/licences${queryString(params)}`, licencePage, { signal });
}

/** The answer carries the code itself, this once: it is stored hashed. */
export function createLicence(body: CreateLicenceRequest): Promise<CreatedLicence> {
  return api.post('/api/licences', createdLicence, body);
}

/** Revokes a code; with `revokeDevices` the phones it activated are signed out too. */
export function revokeLicence(licenceId: string, revokeDevices: boolean): Promise<RevokedLicence> {
  return api.post(`/api/licences/${encodeURIComponent(licenceId)}/revoke`, revokedLicence, { revokeDevices });
}

/** `GET /api/devices` (licences.read): the phones activated with the company's codes. */
export function listDevices(params: ListParams, signal?: AbortSignal): Promise<DevicePage> {
  return api.get(`/api/devices${queryString(params)}`, devicePage, { signal });
}

/** Signs every agent out of the device; the phone must be activated again to be used. */
export function revokeDevice(deviceId: string) {
  return api.post(`/api/devices/${encodeURIComponent(deviceId)}/revoke`, deviceSummary, {});
}

export type LicenceRequestList = z.output<typeof licenceRequestList>;

/** `GET /api/licence-requests` (licences.read): the company's requests for a code and their answers. */
export function listLicenceRequests(signal?: AbortSignal): Promise<LicenceRequestList> {
  return api.get('/api/licence-requests', licenceRequestList, { signal });
}

/** Asks the ciao operator for a new code (administrators). */
export function askLicenceCode(body: AskLicenceCodeBody) {
  return api.post('/api/licence-requests', licenceRequestSummary, body);
}
