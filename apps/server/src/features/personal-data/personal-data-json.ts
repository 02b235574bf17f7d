import type { AgentRow } from '../agents/agent-repository.js';
import type { Db } from '../../db/client.js';
import {
  anomalyPage,
  auditPages,
  devicesOf,
  iso,
  pagesOf,
  registrationPage,
  tasksOf,
  webSessionsOf,
  webUserOf,
  workSessionPage,
  type AnomalyRow,
  type AuditRow,
  type RegistrationRow,
  type Subject,
  type WorkSessionRow,
} from './personal-data-repository.js';

/** The version of the JSON layout: field names are stable within a version. */
export const PERSONAL_DATA_FORMAT = 'ciao.personal-data.v1';

export interface PersonalDataHeader {
  company: { name: string; code: string };
  generatedAt: Date;
  generatedBy: { userId: string; displayName: string };
}

export function presentIdentity(agent: AgentRow) {
  return {
    id: agent.id,
    identifier: agent.identifier,
    firstName: agent.firstName,
    lastName: agent.lastName,
    niss: agent.niss,
    limosaId: agent.limosaId,
    agentType: agent.agentType,
    employmentStatus: agent.employmentStatus,
    employer: agent.subcontractorId
      ? { kind: 'subcontractor', name: agent.subcontractorName ?? '' }
      : { kind: 'own', name: agent.companyName },
    payrollNumber: agent.payrollNumber,
    language: agent.language,
    email: agent.email,
    phone: agent.phone,
    mobileAccess: agent.mobileAccess,
    mobileIdentifier: agent.mobileIdentifier,
    hasMobilePassword: agent.hasMobilePassword,
    activeFrom: agent.activeFrom,
    activeUntil: agent.activeUntil,
    active: agent.active,
    createdAt: iso(agent.createdAt),
    updatedAt: iso(agent.updatedAt),
  };
}

export const presentRegistration = (row: RegistrationRow) => ({
  id: row.id,
  action: row.action,
  direction: row.direction,
  deviceTime: iso(row.device_time),
  receivedAt: iso(row.received_at),
  task: row.task,
  site: row.site,
  position:
    row.latitude === null || row.longitude === null
      ? null
      : { latitude: row.latitude, longitude: row.longitude },
  positionAnonymisedAt: iso(row.position_anonymised_at),
  accuracyMeters: row.accuracy_meters,
  distanceMeters: row.distance_meters === null ? null : Math.round(row.distance_meters),
  insideGeofence: row.inside_geofence,
  flags: row.flags,
  capturedOffline: row.captured_offline,
  appVersion: row.app_version,
  onss: row.onss_status
    ? {
        status: row.onss_status,
        onssId: row.onss_id,
        registeredAt: iso(row.onss_registered_at),
        validatedAt: iso(row.onss_validated_at),
        remarks: row.onss_remarks ?? [],
      }
    : null,
});

export const presentWorkSession = (row: WorkSessionRow) => ({
  id: row.id,
  workDate: row.work_date,
  task: row.task,
  site: row.site,
  state: row.state,
  startedAt: iso(row.started_at),
  endedAt: iso(row.ended_at),
  workedSeconds: row.worked_seconds,
  breakSeconds: row.break_seconds,
  breakCount: row.break_count,
  corrected: row.corrected,
  correctedStartedAt: iso(row.corrected_started_at),
  correctedEndedAt: iso(row.corrected_ended_at),
  correctedWorkedSeconds: row.corrected_worked_seconds,
  corrections: row.corrections.map((correction) => ({
    at: iso(correction.at),
    reason: correction.reason,
    before: correction.before,
    after: correction.after,
  })),
});

export const presentAnomaly = (row: AnomalyRow) => ({
  id: row.id,
  type: row.type,
  status: row.status,
  openedAt: iso(row.opened_at),
  acknowledgedAt: iso(row.acknowledged_at),
  resolvedAt: iso(row.resolved_at),
  resolvedAutomatically: row.resolved_automatically,
  comment: row.comment,
  details: row.details,
});

/**
 * An audit entry; the IP only when the person acted themselves (another's address is not theirs).
 * What they changed about someone else as a back-office user (another agent, a user) is that
 * other person's data: only the action, the entity and the time are theirs to receive.
 */
export const presentAuditEntry = (row: AuditRow, subject: Subject) => {
  const byThem =
    (row.actor_type === 'agent' && row.actor_id === subject.agentId) ||
    (row.actor_type === 'user' && row.actor_id === subject.userId);
  const aboutThem =
    (row.entity_type === 'agent' && row.entity_id === subject.agentId) ||
    (row.entity_type === 'user' && row.entity_id === subject.userId);
  // The agent app acts on the agent's own registrations only.
  const ownData = aboutThem || row.actor_type === 'agent';
  return {
    id: Number(row.id),
    at: iso(row.at),
    actorType: row.actor_type,
    actorId: row.actor_id,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    before: ownData ? row.before : null,
    after: ownData ? row.after : null,
    ip: byThem ? row.ip : null,
  };
};

/** The fixed part: everything but the long lists, small enough to read at once. */
export async function readFixedPart(db: Db, subject: Subject, agent: AgentRow) {
  const [user, tasks, devices, sessions] = await Promise.all([
    webUserOf(db, subject),
    tasksOf(db, subject),
    devicesOf(db, subject),
    webSessionsOf(db, subject),
  ]);
  return {
    agent: presentIdentity(agent),
    webUser: user
      ? {
          login: user.login,
          email: user.email,
          displayName: user.display_name,
          language: user.language,
          role: user.role,
          active: user.active,
          twoFactorEnabled: user.two_factor,
          lastLoginAt: iso(user.last_login_at),
          createdAt: iso(user.created_at),
        }
      : null,
    tasks: tasks.map((task) => ({
      taskId: task.task_id,
      task: task.task,
      site: task.site,
      client: task.client,
      active: task.active,
      linkedAt: iso(task.linked_at),
    })),
    devices: devices.map((device) => ({
      deviceId: device.device_id,
      platform: device.platform,
      appVersion: device.app_version,
      activatedAt: iso(device.activated_at),
      lastSeenAt: iso(device.last_seen_at),
      deviceRevokedAt: iso(device.device_revoked_at),
      signedInAt: iso(device.signed_in_at),
      lastUsedAt: iso(device.last_used_at),
      signedOutAt: iso(device.signed_out_at),
    })),
    webSessions: sessions.map((session) => ({
      createdAt: iso(session.created_at),
      lastSeenAt: iso(session.last_seen_at),
      expiresAt: iso(session.expires_at),
      revokedAt: iso(session.revoked_at),
      ip: session.ip,
      userAgent: session.user_agent,
    })),
  };
}

/** One long list as a JSON array, written a page at a time. */
async function* jsonArray<Row>(pages: AsyncIterable<Row[]>, present: (row: Row) => unknown) {
  let first = true;
  yield '[';
  for await (const page of pages) {
    const items = page.map((row) => JSON.stringify(present(row)));
    yield `${first ? '\n' : ',\n'}${items.join(',\n')}`;
    first = false;
  }
  yield '\n]';
}

/**
 * The JSON file: the fixed part, then registrations, work sessions, anomalies and audit entries
 * streamed a keyset page at a time (one object per line inside each array).
 */
export async function* personalDataJson(
  db: Db,
  subject: Subject,
  agent: AgentRow,
  header: PersonalDataHeader,
): AsyncGenerator<Buffer> {
  const fixed = await readFixedPart(db, subject, agent);
  const opening = JSON.stringify(
    {
      format: PERSONAL_DATA_FORMAT,
      generatedAt: header.generatedAt.toISOString(),
      generatedBy: header.generatedBy,
      company: header.company,
      ...fixed,
    },
    null,
    2,
  );
  yield Buffer.from(opening.slice(0, -2));
  const lists: [string, AsyncGenerator<string>][] = [
    [
      'registrations',
      jsonArray(
        pagesOf((c, l) => registrationPage(db, subject, c, l)),
        presentRegistration,
      ),
    ],
    [
      'workSessions',
      jsonArray(
        pagesOf((c, l) => workSessionPage(db, subject, c, l)),
        presentWorkSession,
      ),
    ],
    [
      'anomalies',
      jsonArray(
        pagesOf((c, l) => anomalyPage(db, subject, c, l)),
        presentAnomaly,
      ),
    ],
    ['auditEntries', jsonArray(auditPages(db, subject), (row) => presentAuditEntry(row, subject))],
  ];
  for (const [name, chunks] of lists) {
    yield Buffer.from(`,\n  "${name}": `);
    for await (const chunk of chunks) yield Buffer.from(chunk);
  }
  yield Buffer.from('\n}\n');
}
