import {
  agentPage,
  sitePage,
  timesheetPage,
  workSessionDetail,
  workSessionList,
  workSessionView,
} from '@ciao/domain';
import type { z } from 'zod';
import { api, queryString } from '../../../lib/api';

export type WorkSessionDetail = z.output<typeof workSessionDetail>;
export type WorkSessionView = z.output<typeof workSessionView>;

/** `GET /api/timesheets` (workSessions.read): agents' days summed by the server. */
export function getTimesheets(
  params: { from: string; to: string; agentId?: string; siteId?: string; page?: number; pageSize?: number },
  signal?: AbortSignal,
) {
  return api.get(`/api/timesheets${queryString(params)}`, timesheetPage, { signal });
}

/** The sessions of one agent on one day. */
export function listDaySessions(agentId: string, date: string, signal?: AbortSignal) {
  return api.get(
    `/api/work-sessions${queryString({ agentId, from: date, to: date, pageSize: 50 })}`,
    workSessionList,
    { signal },
  );
}

export function getWorkSession(id: string, signal?: AbortSignal) {
  return api.get(`/api/work-sessions/${encodeURIComponent(id)}`, workSessionDetail, { signal });
}

/** `POST /api/work-sessions/:id/corrections` (workSessions.correct): audited, never sent to ONSS. */
export function correctWorkSession(
  id: string,
  body: { startedAt?: string; endedAt?: string; breakMinutes?: number; reason: string },
) {
  return api.post(`/api/work-sessions/${encodeURIComponent(id)}/corrections`, workSessionView, body);
}

export function listAgentChoices(signal?: AbortSignal) {
  return api.get(`/api/agents${queryString({ sort: 'lastName', pageSize: 200 })}`, agentPage, { signal });
}

export function listSiteChoices(signal?: AbortSignal) {
  return api.get(`/api/sites${queryString({ sort: 'name', pageSize: 200 })}`, sitePage, { signal });
}
