import {
  analyticsAnomalies,
  analyticsHours,
  analyticsOnssOnTime,
  analyticsPlannedVsActual,
  clientPage,
  sitePage,
} from '@ciao/domain';
import { api, queryString } from '../../../lib/api';

export type Params = Record<string, string | number>;

/** `GET /api/analytics/hours` (analytics.read): hours per week per client, site or agent. */
export function getHours(params: Params, signal?: AbortSignal) {
  return api.get(`/api/analytics/hours${queryString(params)}`, analyticsHours, { signal });
}

/** `GET /api/analytics/planned-vs-actual`: planned and worked time per week. */
export function getPlannedVsActual(params: Params, signal?: AbortSignal) {
  return api.get(`/api/analytics/planned-vs-actual${queryString(params)}`, analyticsPlannedVsActual, {
    signal,
  });
}

/** `GET /api/analytics/onss-on-time`: the share of registrations ONSS confirmed on time, per week. */
export function getOnssOnTime(params: Params, signal?: AbortSignal) {
  return api.get(`/api/analytics/onss-on-time${queryString(params)}`, analyticsOnssOnTime, { signal });
}

/** `GET /api/analytics/anomalies`: anomalies opened per week and type. */
export function getAnomalies(params: Params, signal?: AbortSignal) {
  return api.get(`/api/analytics/anomalies${queryString(params)}`, analyticsAnomalies, { signal });
}

// The filters' choices: a company has few clients and sites; the largest page fits.
const choices = { sort: 'name', pageSize: 200 };

export function listClientChoices(signal?: AbortSignal) {
  return api.get(`/api/clients${queryString(choices)}`, clientPage, { signal });
}

export function listSiteChoices(signal?: AbortSignal) {
  return api.get(`/api/sites${queryString(choices)}`, sitePage, { signal });
}
