import {
  operatorEnrolment,
  operatorSession,
  operatorSignInResponse,
  platformAnsweredLicenceRequest,
  platformInvitedAdmin,
  platformIssuedLicence,
  platformLicenceList,
  platformLicenceRequestList,
  platformOutboxPage,
  platformReissuedLicence,
  platformTenantList,
} from '@ciao/domain';
import type { PlatformAnswerLicenceRequestBody, PlatformCreateTenantBody } from '@ciao/domain';
import { z } from 'zod';
import { api, queryString } from '../../../lib/api';

// Every console call handles its own 401: the tenant back-office's "session ended" redirect must
// never send an operator to the tenants' sign-in page.
const own = { ignoreSessionEnd: true } as const;
const tenantRef = z.object({ id: z.string(), code: z.string(), name: z.string(), status: z.string() });

export type OperatorSessionView = z.output<typeof operatorSession>;
export type PlatformTenantList = z.output<typeof platformTenantList>;
export type IssuedLicence = z.output<typeof platformIssuedLicence>;
export type InvitedAdmin = z.output<typeof platformInvitedAdmin>;

export const platformApi = {
  session: (signal?: AbortSignal) =>
    api.get('/api/platform/auth/session', operatorSession, { ...own, signal }),
  signIn: (body: { email: string; password: string }) =>
    api.post('/api/platform/auth/sign-in', operatorSignInResponse, body, own),
  secondFactor: (code: string) =>
    api.post('/api/platform/auth/second-factor', operatorSignInResponse, { code }, own),
  startEnrolment: () => api.post('/api/platform/auth/enrolment', operatorEnrolment, undefined, own),
  confirmEnrolment: (code: string) =>
    api.post('/api/platform/auth/enrolment/confirmation', operatorSignInResponse, { code }, own),
  signOut: () => api.post('/api/platform/auth/sign-out', z.null().or(z.unknown()), undefined, own),
  setPassword: (token: string, password: string) =>
    api.post('/api/platform/auth/password', z.object({ email: z.string() }), { token, password }, own),

  tenants: (signal?: AbortSignal) => api.get('/api/platform/tenants', platformTenantList, { ...own, signal }),
  createTenant: (body: PlatformCreateTenantBody) => api.post('/api/platform/tenants', tenantRef, body, own),
  suspend: (code: string) =>
    api.post(`/api/platform/tenants/${encodeURIComponent(code)}/suspension`, tenantRef, undefined, own),
  reactivate: (code: string) =>
    api.post(`/api/platform/tenants/${encodeURIComponent(code)}/reactivation`, tenantRef, undefined, own),
  licences: (code: string, signal?: AbortSignal) =>
    api.get(`/api/platform/tenants/${encodeURIComponent(code)}/licences`, platformLicenceList, {
      ...own,
      signal,
    }),
  issueLicence: (code: string, body: { maxDevices: number; expires?: string; label?: string }) =>
    api.post(`/api/platform/tenants/${encodeURIComponent(code)}/licences`, platformIssuedLicence, body, own),
  reissueLicence: (code: string, licenceId: string, revokeDevices: boolean) =>
    api.post(
      `/api/platform/tenants/${encodeURIComponent(code)}/licences/${encodeURIComponent(licenceId)}/reissue`,
      platformReissuedLicence,
      { revokeDevices },
      own,
    ),
  inviteAdmin: (code: string, body: { login: string; name: string; email: string; language?: string }) =>
    api.post(
      `/api/platform/tenants/${encodeURIComponent(code)}/administrators`,
      platformInvitedAdmin,
      body,
      own,
    ),
  licenceRequests: (status: string, signal?: AbortSignal) =>
    api.get(`/api/platform/licence-requests${queryString({ status })}`, platformLicenceRequestList, {
      ...own,
      signal,
    }),
  answerRequest: (requestId: string, body: PlatformAnswerLicenceRequestBody) =>
    api.post(
      `/api/platform/licence-requests/${encodeURIComponent(requestId)}/answer`,
      platformAnsweredLicenceRequest,
      body,
      own,
    ),
  emails: (page: number, signal?: AbortSignal) =>
    api.get(`/api/platform/emails${queryString({ page, pageSize: 20 })}`, platformOutboxPage, {
      ...own,
      signal,
    }),
};
