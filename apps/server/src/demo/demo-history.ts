import {
  anomalyDedupeKey,
  localDate,
  plannedPeriodsOn,
  previousDate,
  toOnssRegistration,
  weekStartOfInstant,
  type WeeklySlot,
} from '@ciao/domain';
import { createHash, randomUUID } from 'node:crypto';
import type { Db } from '../db/client.js';
import { anomalies, clockEvents, onssRegistrations, workSessions } from '../db/schema/index.js';

/** How many whole weeks of past work the demo company starts with: enough for a 4- or 8-week chart. */
export const DEMO_HISTORY_WEEKS = 8;

const MINUTE = 60_000;
const BREAK_FROM_MINUTES = 6 * 60;

export interface HistoryInput {
  tenantId: string;
  timeZone: string;
  now: Date;
  employerEnterpriseNumber: string;
  agents: {
    id: string;
    identifier: string;
    niss: string;
    employmentStatus: string;
    /** The subcontractor's enterprise number when the agent works for one. */
    employerEnterpriseNumber?: string;
  }[];
  tasks: { id: string; siteId: string; schedule: readonly WeeklySlot[] }[];
  sites: { id: string; latitude: number; longitude: number; workDeclarationNumber: string; radius: number }[];
  /** The tasks of each agent (ids), by agent id. */
  links: { agentId: string; taskId: string }[];
}

/** A small deterministic generator (mulberry32): the same history shape on every seed. */
function generator(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

type Event = typeof clockEvents.$inferInsert;
type Session = typeof workSessions.$inferInsert;
type Registration = typeof onssRegistrations.$inferInsert;
type Anomaly = typeof anomalies.$inferInsert;

/**
 * The demo company's past: {@link DEMO_HISTORY_WEEKS} whole weeks before the current one of work
 * sessions, their registrations (arrive, leave, a break on long shifts), what ONSS made of them
 * (mostly confirmed within a minute or two, some late, a few refused) and the anomalies a scan would
 * have opened (no-shows, outside the geofence, late syncs, refusals), handled by now except the
 * last week's refusals. The current week stays empty for the live tests; so does the TEST agent,
 * whose history the agent-app tests read. Generated from a fixed seed: the same shape every time.
 */
export function demoHistory(input: HistoryInput) {
  const random = generator(2026);
  const between = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  const { tenantId, timeZone, now } = input;
  const thisWeek = weekStartOfInstant(now, timeZone);
  const lastDay = previousDate(thisWeek);
  const days: string[] = [];
  for (let day = lastDay; days.length < DEMO_HISTORY_WEEKS * 7; day = previousDate(day)) days.unshift(day);
  const lastWeek = days.slice(-7);

  const events: Event[] = [];
  const sessions: Session[] = [];
  const registrations: Registration[] = [];
  const found: Anomaly[] = [];
  const agentsById = new Map(input.agents.map((agent) => [agent.id, agent]));
  const tasksById = new Map(input.tasks.map((task) => [task.id, task]));
  const sitesById = new Map(input.sites.map((site) => [site.id, site]));
  let onssNumber = 0;

  const handled = (openedAt: Date, recent: boolean): Partial<Anomaly> =>
    recent
      ? { status: 'acknowledged', acknowledgedAt: new Date(openedAt.getTime() + 3 * 60 * MINUTE) }
      : {
          status: 'resolved',
          resolvedAt: new Date(openedAt.getTime() + 20 * 60 * MINUTE),
          comment: 'Vu avec le chef d’équipe',
        };

  for (const day of days) {
    const recent = lastWeek.includes(day);
    for (const link of input.links) {
      const agent = agentsById.get(link.agentId)!;
      const task = tasksById.get(link.taskId)!;
      const site = sitesById.get(task.siteId)!;
      for (const period of plannedPeriodsOn(task.schedule, day, timeZone)) {
        const base = { tenantId, agentId: agent.id, siteId: site.id, taskId: task.id };
        if (random() < 0.04) {
          const openedAt = new Date(period.start.getTime() + 30 * MINUTE);
          found.push({
            ...base,
            type: 'NO_SHOW',
            dedupeKey: anomalyDedupeKey('NO_SHOW', task.id, agent.id, period.start),
            details: { periodStart: period.start.toISOString(), periodEnd: period.end.toISOString() },
            openedAt,
            updatedAt: openedAt,
            ...handled(openedAt, recent),
          });
          continue;
        }
        const sessionId = randomUUID();
        const arrive = new Date(period.start.getTime() + between(-8, 12) * MINUTE);
        const leave = new Date(period.end.getTime() + between(-15, 10) * MINUTE);
        const moves: { action: string; direction: 'IN' | 'OUT'; at: Date }[] = [
          { action: 'ARRIVE', direction: 'IN', at: arrive },
        ];
        let breakSeconds = 0;
        if (period.end.getTime() - period.start.getTime() >= BREAK_FROM_MINUTES * MINUTE) {
          const pause = new Date(arrive.getTime() + (leave.getTime() - arrive.getTime()) / 2);
          const resume = new Date(pause.getTime() + between(30, 40) * MINUTE);
          breakSeconds = (resume.getTime() - pause.getTime()) / 1000;
          moves.push(
            { action: 'PAUSE', direction: 'OUT', at: pause },
            { action: 'RESUME', direction: 'IN', at: resume },
          );
        }
        moves.push({ action: 'LEAVE', direction: 'OUT', at: leave });
        sessions.push({
          id: sessionId,
          ...base,
          workDate: localDate(arrive, timeZone),
          state: 'CLOSED',
          startedAt: arrive,
          endedAt: leave,
          lastEventAt: leave,
          workedSeconds: Math.round((leave.getTime() - arrive.getTime()) / 1000 - breakSeconds),
          breakSeconds: Math.round(breakSeconds),
          breakCount: breakSeconds > 0 ? 1 : 0,
          createdAt: arrive,
          updatedAt: leave,
        });
        const lateSync = random() < 0.02;
        for (const move of moves) {
          const id = randomUUID();
          const outside = move.action === 'ARRIVE' && random() < 0.03;
          const distance = outside ? between(250, 600) : between(5, 60);
          const latitude = site.latitude + distance / 111_000;
          const receivedAt = new Date(move.at.getTime() + (lateSync ? between(40, 120) * MINUTE : 2_000));
          const flags = [...(outside ? ['OUTSIDE_GEOFENCE'] : []), ...(lateSync ? ['LATE_SYNC'] : [])];
          events.push({
            ...base,
            id,
            workSessionId: sessionId,
            action: move.action,
            direction: move.direction,
            deviceTime: move.at,
            receivedAt,
            latitude,
            longitude: site.longitude,
            accuracyMeters: between(5, 25),
            distanceMeters: distance,
            insideGeofence: distance <= site.radius,
            flags,
            capturedOffline: lateSync,
            appVersion: '0.1.0',
            contentHash: createHash('sha256').update(id).digest('hex'),
          });
          const anomalyBase = {
            ...base,
            workSessionId: sessionId,
            clockEventId: id,
            openedAt: receivedAt,
            updatedAt: receivedAt,
          };
          if (outside)
            found.push({
              ...anomalyBase,
              type: 'OUTSIDE_GEOFENCE',
              dedupeKey: anomalyDedupeKey('OUTSIDE_GEOFENCE', id),
              details: { distanceMeters: distance, radiusMeters: site.radius, accuracyMeters: 10 },
              ...handled(receivedAt, recent),
            });
          if (lateSync && move.action === 'ARRIVE')
            found.push({
              ...anomalyBase,
              type: 'LATE_SYNC',
              dedupeKey: anomalyDedupeKey('LATE_SYNC', id),
              details: { minutesLate: Math.floor((receivedAt.getTime() - move.at.getTime()) / MINUTE) },
              ...handled(receivedAt, recent),
            });

          const mapping = toOnssRegistration({
            direction: move.direction,
            at: move.at,
            agent: { niss: agent.niss, employmentStatus: agent.employmentStatus },
            employer: {
              enterpriseNumber: agent.employerEnterpriseNumber ?? input.employerEnterpriseNumber,
              foreignVatNumber: null,
            },
            site: { subjectToOnss: true, workDeclarationNumber: site.workDeclarationNumber },
            position: { latitude, longitude: site.longitude },
            tenantHasOnssConnection: true,
          });
          const registrationId = randomUUID();
          const outcome = random();
          const refused = outcome < 0.015;
          const delayMinutes = lateSync
            ? (receivedAt.getTime() - move.at.getTime()) / MINUTE + 1
            : outcome < 0.08
              ? between(8, 45)
              : between(1, 3);
          const sentAt = new Date(
            Math.max(receivedAt.getTime(), move.at.getTime() + (delayMinutes - 0.5) * MINUTE),
          );
          const registeredAt = new Date(move.at.getTime() + delayMinutes * MINUTE);
          const validatedAt = new Date(registeredAt.getTime() + between(10, 90) * MINUTE);
          onssNumber += 1;
          registrations.push({
            id: registrationId,
            tenantId,
            clockEventId: id,
            agentId: agent.id,
            siteId: site.id,
            direction: move.direction,
            registrationTime: move.at,
            payload: mapping.applicable ? { ...mapping.content } : {},
            status: refused ? 'refused' : 'validated',
            onssId: refused ? null : `DEMO${String(onssNumber).padStart(8, '0')}`,
            attempts: 1,
            remarks: refused ? ['DEMO: work declaration not valid on that date'] : [],
            validityHistory: refused
              ? []
              : [
                  { at: registeredAt.toISOString(), validity: 'pending', remarks: [] },
                  { at: validatedAt.toISOString(), validity: 'validated', remarks: [] },
                ],
            sentAt,
            registeredAt: refused ? null : registeredAt,
            validatedAt: refused ? null : validatedAt,
            createdAt: receivedAt,
            updatedAt: refused ? sentAt : validatedAt,
          });
          if (refused)
            found.push({
              ...anomalyBase,
              type: 'ONSS_REFUSED',
              dedupeKey: anomalyDedupeKey('ONSS_REFUSED', registrationId),
              onssRegistrationId: registrationId,
              details: { direction: move.direction, registrationTime: move.at.toISOString() },
              openedAt: sentAt,
              updatedAt: sentAt,
              // The last week's refusals are still to handle: the compliance screen has work to show.
              ...(recent ? { status: 'open' } : handled(sentAt, false)),
            });
        }
      }
    }
  }
  return { events, sessions, registrations, anomalies: found };
}

async function insertInChunks<Row>(rows: readonly Row[], insert: (chunk: Row[]) => Promise<unknown>) {
  for (let start = 0; start < rows.length; start += 400) await insert(rows.slice(start, start + 400));
}

/** Writes {@link demoHistory} (sessions first: events and anomalies point at them). */
export async function seedDemoHistory(db: Db, input: HistoryInput): Promise<void> {
  const history = demoHistory(input);
  await insertInChunks(history.sessions, (chunk) => db.insert(workSessions).values(chunk));
  await insertInChunks(history.events, (chunk) => db.insert(clockEvents).values(chunk));
  await insertInChunks(history.registrations, (chunk) => db.insert(onssRegistrations).values(chunk));
  await insertInChunks(history.anomalies, (chunk) => db.insert(anomalies).values(chunk));
}
