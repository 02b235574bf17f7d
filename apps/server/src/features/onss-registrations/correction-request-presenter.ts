import {
  localDate,
  onssCorrectionTimeZone,
  type CorrectionRequestStatus,
  type CorrectionRequestView,
} from '@ciao/domain';
import type {
  CorrectionRequestSummaryRow,
  findCorrectionRequestItems,
} from './correction-request-repository.js';
import { presentOnssRegistration } from './onss-registration-presenter.js';

/** Dates of correction requests are Belgian days: ONSS counts the 30 days in Belgium. */
export const CORRECTION_TIME_ZONE = onssCorrectionTimeZone;

export function presentCorrectionRequestSummary(row: CorrectionRequestSummaryRow) {
  return {
    id: row.request.id,
    reference: row.request.reference,
    reason: row.request.reason,
    evidence: row.request.evidence,
    status: row.request.status as CorrectionRequestStatus,
    submittedAt: row.request.submittedAt?.toISOString() ?? null,
    itemCount: row.itemCount,
    firstDeadline: row.firstDeadline ? localDate(row.firstDeadline, CORRECTION_TIME_ZONE) : null,
    createdByUserId: row.request.createdByUserId,
    createdAt: row.request.createdAt.toISOString(),
  };
}

export function presentCorrectionRequest(
  row: CorrectionRequestSummaryRow,
  items: Awaited<ReturnType<typeof findCorrectionRequestItems>>,
  now: Date,
): CorrectionRequestView {
  return {
    ...presentCorrectionRequestSummary(row),
    items: items.map(({ item, registration }) => ({
      id: item.id,
      requestedCorrection: item.requestedCorrection,
      deadline: localDate(item.deadline, CORRECTION_TIME_ZONE),
      registration: presentOnssRegistration(registration, now),
    })),
  };
}
