import {
  onssUnconfirmedStatuses,
  type OnssFollowUpStatus,
  type OnssRegistrationDetail,
  type OnssRegistrationStatus,
  type OnssRegistrationView,
} from '@ciao/domain';
import type { onssRegistrations } from '../../db/schema/index.js';
import { LATE_AFTER_MS, type OnssRegistrationRow } from './onss-registration-repository.js';

const unconfirmed: readonly string[] = onssUnconfirmedStatuses;

export function isLate(row: { status: string; registrationTime: Date }, now: Date): boolean {
  return unconfirmed.includes(row.status) && now.getTime() - row.registrationTime.getTime() > LATE_AFTER_MS;
}

export function presentOnssRegistration(row: OnssRegistrationRow, now: Date): OnssRegistrationView {
  const registration = row.registration;
  return {
    id: registration.id,
    agent: {
      id: registration.agentId,
      identifier: row.agentIdentifier,
      name: `${row.agentFirstName} ${row.agentLastName}`,
    },
    site: { id: registration.siteId, name: row.siteName },
    direction: registration.direction as 'IN' | 'OUT',
    registrationTime: registration.registrationTime.toISOString(),
    status: registration.status as OnssRegistrationStatus,
    late: isLate(registration, now),
    onssId: registration.onssId,
    attempts: registration.attempts,
    nextAttemptAt: registration.nextAttemptAt?.toISOString() ?? null,
    lastError: registration.lastError,
    remarks: registration.remarks,
    notApplicableReason: registration.notApplicableReason,
    sentAt: registration.sentAt?.toISOString() ?? null,
    registeredAt: registration.registeredAt?.toISOString() ?? null,
    validatedAt: registration.validatedAt?.toISOString() ?? null,
    followUpStatus: registration.followUpStatus as OnssFollowUpStatus | null,
    followUpComment: registration.followUpComment,
    followUpAssignee:
      registration.followUpAssigneeId && row.assigneeName !== null
        ? { id: registration.followUpAssigneeId, displayName: row.assigneeName }
        : null,
    correctionRequestReference: registration.correctionRequestReference,
    correctionRequestId: registration.correctionRequestId,
    updatedAt: registration.updatedAt.toISOString(),
  };
}

export function presentOnssRegistrationDetail(row: OnssRegistrationRow, now: Date): OnssRegistrationDetail {
  return { ...presentOnssRegistration(row, now), validityHistory: row.registration.validityHistory };
}

/** What the audit trail keeps of a registration's follow-up. */
export function followUpAuditSnapshot(row: typeof onssRegistrations.$inferSelect) {
  return {
    followUpStatus: row.followUpStatus,
    followUpComment: row.followUpComment,
    followUpAssigneeId: row.followUpAssigneeId,
    correctionRequestReference: row.correctionRequestReference,
    correctionRequestId: row.correctionRequestId,
  };
}

/** What the audit trail keeps of a registration's sending state. */
export function sendingAuditSnapshot(
  row: Pick<typeof onssRegistrations.$inferSelect, 'status' | 'attempts' | 'nextAttemptAt' | 'lastError'>,
) {
  return {
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.nextAttemptAt?.toISOString() ?? null,
    lastError: row.lastError,
  };
}
