import { anomalyPage, anomalySummary, anomalyView } from '@ciao/domain';
import type { z } from 'zod';
import { api, queryString } from '../../../lib/api';

export type AnomalyPage = z.output<typeof anomalyPage>;
export type Params = Record<string, string | number>;

const anomaly = (id: string) => `/api/anomalies/${encodeURIComponent(id)}`;

/** `GET /api/anomalies` (anomalies.read): newest first, filtered, in pages. */
export function listAnomalies(params: Params, signal?: AbortSignal): Promise<AnomalyPage> {
  return api.get(`/api/anomalies${queryString(params)}`, anomalyPage, { signal });
}

/** The unresolved anomalies per type, site and agent, and those opened per week. */
export function getAnomalySummary(params: Params, signal?: AbortSignal) {
  return api.get(`/api/anomalies/summary${queryString(params)}`, anomalySummary, { signal });
}

/** anomalies.manage: the manager has seen it; the comment is optional. */
export function acknowledgeAnomaly(id: string, comment: string | undefined) {
  return api.post(`${anomaly(id)}/acknowledge`, anomalyView, comment ? { comment } : {});
}

/** anomalies.manage: what was done, in a comment an inspector will read (mandatory). */
export function resolveAnomaly(id: string, comment: string) {
  return api.post(`${anomaly(id)}/resolve`, anomalyView, { comment });
}
