import type {
  PublicAgent,
  PublicAnomaly,
  PublicClient,
  PublicOnssStatus,
  PublicRegistration,
  PublicSite,
  PublicTask,
  PublicWorkSession,
} from '@ciao/domain';
import type {
  agents,
  anomalies,
  clients,
  clockEvents,
  onssRegistrations,
  sites,
  tasks,
  workSessions,
} from '../../db/schema/index.js';

// The public answers are built field by field, never spread from rows: a column added to a table
// must not appear in v1 by accident (nor a secret, nor a NISS).

const iso = (instant: Date) => instant.toISOString();
const isoOrNull = (instant: Date | null) => (instant ? instant.toISOString() : null);

type Address = {
  street: string | null;
  houseNumber: string | null;
  boxNumber: string | null;
  postCode: string | null;
  municipality: string | null;
  country: string;
};
const addressOf = (row: Address) => ({
  street: row.street,
  houseNumber: row.houseNumber,
  boxNumber: row.boxNumber,
  postCode: row.postCode,
  municipality: row.municipality,
  country: row.country,
});

export function presentPublicAgent(row: Omit<typeof agents.$inferSelect, 'tenantId'>): PublicAgent {
  return {
    id: row.id,
    identifier: row.identifier,
    firstName: row.firstName,
    lastName: row.lastName,
    hasNiss: row.niss !== null,
    limosaId: row.limosaId,
    agentType: row.agentType,
    employmentStatus: row.employmentStatus,
    subcontractorId: row.subcontractorId,
    payrollNumber: row.payrollNumber,
    language: row.language,
    email: row.email,
    phone: row.phone,
    mobileAccess: row.mobileAccess,
    activeFrom: row.activeFrom,
    activeUntil: row.activeUntil,
    active: row.active,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

export function presentPublicClient(row: Omit<typeof clients.$inferSelect, 'tenantId'>): PublicClient {
  return {
    id: row.id,
    name: row.name,
    reference: row.reference,
    enterpriseNumber: row.enterpriseNumber,
    vatNumber: row.vatNumber,
    contactName: row.contactName,
    contactEmail: row.contactEmail,
    contactPhone: row.contactPhone,
    address: addressOf(row),
    active: row.active,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

export function presentPublicSite(row: Omit<typeof sites.$inferSelect, 'tenantId'>): PublicSite {
  return {
    id: row.id,
    clientId: row.clientId,
    name: row.name,
    address: addressOf(row),
    latitude: row.latitude,
    longitude: row.longitude,
    geofenceRadiusMeters: row.geofenceRadiusMeters,
    workDeclarationNumber: row.workDeclarationNumber,
    subjectToOnss: row.subjectToOnss,
    costCentre: row.costCentre,
    active: row.active,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

export function presentPublicTask(row: Omit<typeof tasks.$inferSelect, 'tenantId'>): PublicTask {
  return {
    id: row.id,
    siteId: row.siteId,
    groupId: row.groupId,
    name: row.name,
    description: row.description,
    active: row.active,
    schedule: row.schedule.map(({ weekday, start, end }) => ({ weekday, start, end })),
    validFrom: row.validFrom,
    validUntil: row.validUntil,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

export function presentPublicRegistration(
  row: Omit<typeof clockEvents.$inferSelect, 'tenantId'>,
): PublicRegistration {
  return {
    id: row.id,
    agentId: row.agentId,
    taskId: row.taskId,
    siteId: row.siteId,
    workSessionId: row.workSessionId,
    action: row.action,
    direction: row.direction,
    deviceTime: iso(row.deviceTime),
    receivedAt: iso(row.receivedAt),
    accuracyMeters: row.accuracyMeters,
    distanceMeters: row.distanceMeters,
    insideGeofence: row.insideGeofence,
    flags: row.flags,
    capturedOffline: row.capturedOffline,
  };
}

export function presentPublicWorkSession(
  row: Omit<typeof workSessions.$inferSelect, 'tenantId'>,
): PublicWorkSession {
  return {
    id: row.id,
    agentId: row.agentId,
    taskId: row.taskId,
    siteId: row.siteId,
    workDate: row.workDate,
    state: row.state,
    startedAt: iso(row.startedAt),
    endedAt: isoOrNull(row.endedAt),
    workedSeconds: row.workedSeconds,
    breakSeconds: row.breakSeconds,
    breakCount: row.breakCount,
    corrected: row.corrected,
    correctedStartedAt: isoOrNull(row.correctedStartedAt),
    correctedEndedAt: isoOrNull(row.correctedEndedAt),
    correctedWorkedSeconds: row.correctedWorkedSeconds,
    correctedBreakSeconds: row.correctedBreakSeconds,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

export function presentPublicOnssStatus(
  row: Omit<typeof onssRegistrations.$inferSelect, 'tenantId'>,
): PublicOnssStatus {
  return {
    id: row.id,
    registrationId: row.clockEventId,
    agentId: row.agentId,
    siteId: row.siteId,
    direction: row.direction,
    registrationTime: iso(row.registrationTime),
    status: row.status,
    notApplicableReason: row.notApplicableReason,
    onssId: row.onssId,
    remarks: row.remarks,
    sentAt: isoOrNull(row.sentAt),
    registeredAt: isoOrNull(row.registeredAt),
    validatedAt: isoOrNull(row.validatedAt),
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

export function presentPublicAnomaly(row: Omit<typeof anomalies.$inferSelect, 'tenantId'>): PublicAnomaly {
  return {
    id: row.id,
    type: row.type,
    status: row.status,
    agentId: row.agentId,
    siteId: row.siteId,
    taskId: row.taskId,
    workSessionId: row.workSessionId,
    registrationId: row.clockEventId,
    onssStatusId: row.onssRegistrationId,
    openedAt: iso(row.openedAt),
    acknowledgedAt: isoOrNull(row.acknowledgedAt),
    resolvedAt: isoOrNull(row.resolvedAt),
    resolvedAutomatically: row.resolvedAutomatically,
    updatedAt: iso(row.updatedAt),
  };
}
