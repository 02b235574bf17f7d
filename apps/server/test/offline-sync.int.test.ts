import { CLOCK_BATCH_MAX_EVENTS } from '@ciao/domain';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  anomalies,
  clockEvents,
  onssRegistrations,
  taskAgents,
  tasks,
  workSessions,
} from '../src/db/schema/index.js';
import { createClockWorld } from './support/clock-world.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const SESSIONS = 250;

interface BatchAnswer {
  results: { id: string; outcome: 'recorded' | 'already_recorded' | 'refused'; code?: string }[];
}

/**
 * An agent's phone offline for three days: 1,000 registrations queued (250 visits of three tasks:
 * arrive, break, back, leave), plus two from before the company's limit, then synced the way the app
 * syncs — oldest tap first, in requests of at most 500 (`apps/mobile/src/lib/queue`).
 */
describe('an agent app offline for 3 days with 1,000 queued registrations, then syncing', () => {
  let subject: TestApp;
  beforeAll(async () => {
    subject = await createTestApp();
  });
  afterAll(async () => {
    await subject.close();
  });

  it('records each once, flags them late, queues them for ONSS, refuses only the too old, and a replay changes nothing', async () => {
    const world = await createClockWorld(subject.app, { tenantSettings: { maxEventAgeDays: 4 } });
    const db = subject.app.ctx.db;
    const moreTasks = await db
      .insert(tasks)
      .values(
        ['Afternoon offices', 'Evening windows'].map((name) => ({
          tenantId: world.tenant.id,
          siteId: world.site.id,
          name,
        })),
      )
      .returning();
    await db
      .insert(taskAgents)
      .values(
        moreTasks.map((task) => ({ tenantId: world.tenant.id, taskId: task.id, agentId: world.agent.id })),
      );
    const taskIds = [world.task.id, ...moreTasks.map((task) => task.id)];

    // Went offline 3 days ago; a visit every 17 minutes: arrive, break at +4, back at +6, leave at +12.
    const now = subject.app.ctx.now().getTime();
    const wentOffline = now - 3 * DAY;
    const queued = Array.from({ length: SESSIONS }, (_, visit) => {
      const start = wentOffline + visit * 17 * MINUTE;
      const taskId = taskIds[visit % taskIds.length]!;
      return (
        [
          ['ARRIVE', 0],
          ['PAUSE', 4],
          ['RESUME', 6],
          ['LEAVE', 12],
        ] as const
      ).map(([action, minutes]) =>
        world.event(action, {
          taskId,
          deviceTime: new Date(start + minutes * MINUTE).toISOString(),
          capturedOffline: true,
        }),
      );
    }).flat();
    expect(queued).toHaveLength(1_000);
    expect(Date.parse(queued.at(-1)!.deviceTime)).toBeLessThan(now);
    // Two taps from before the company's 4-day limit (a phone left in a drawer).
    const tooOld = [
      world.event('ARRIVE', { deviceTime: new Date(now - 5 * DAY).toISOString(), capturedOffline: true }),
      world.event('LEAVE', {
        deviceTime: new Date(now - 5 * DAY + 30 * MINUTE).toISOString(),
        capturedOffline: true,
      }),
    ];
    // The app's order (oldest first) and its request size.
    const inSendOrder = [...tooOld, ...queued].sort(
      (a, b) => Date.parse(a.deviceTime) - Date.parse(b.deviceTime),
    );
    const sync = async () => {
      const answers: BatchAnswer['results'] = [];
      for (let start = 0; start < inSendOrder.length; start += CLOCK_BATCH_MAX_EVENTS) {
        const response = await world.sendBatch(inSendOrder.slice(start, start + CLOCK_BATCH_MAX_EVENTS));
        expect(response.statusCode, response.body).toBe(200);
        answers.push(...(response.json() as BatchAnswer).results);
      }
      return answers;
    };

    const first = await sync();
    expect(first).toHaveLength(1_002);
    const outcomes = (answers: BatchAnswer['results']) =>
      answers.reduce<Record<string, number>>((counts, answer) => {
        const key = answer.code ? `${answer.outcome}:${answer.code}` : answer.outcome;
        counts[key] = (counts[key] ?? 0) + 1;
        return counts;
      }, {});
    expect(outcomes(first)).toEqual({ recorded: 1_000, 'refused:CLOCK_EVENT_TOO_OLD': 2 });
    expect(
      first
        .filter((answer) => answer.outcome === 'refused')
        .map((answer) => answer.id)
        .sort(),
    ).toEqual(tooOld.map((event) => event.id).sort());

    const events = await db.select().from(clockEvents).where(eq(clockEvents.tenantId, world.tenant.id));
    expect(events).toHaveLength(1_000);
    expect(new Set(events.map((event) => event.id))).toEqual(new Set(queued.map((event) => event.id)));
    for (const event of events) {
      expect(event.capturedOffline).toBe(true);
      expect(event.flags).toContain('LATE_SYNC');
    }
    // Each registration's own time, as the phone took it, not the time it arrived.
    const sentTime = new Map<string, string>(queued.map((event) => [event.id, event.deviceTime]));
    expect(events.every((event) => event.deviceTime.toISOString() === sentTime.get(event.id))).toBe(true);

    // The late-sync rule opens one anomaly per late registration, nothing else opened by the sync itself.
    const opened = await db.select().from(anomalies).where(eq(anomalies.tenantId, world.tenant.id));
    expect(opened.filter((anomaly) => anomaly.type === 'LATE_SYNC')).toHaveLength(1_000);
    const lateDetails = opened.find((anomaly) => anomaly.clockEventId === queued[0]!.id)!.details as {
      minutesLate: number;
    };
    expect(lateDetails.minutesLate).toBeGreaterThanOrEqual(3 * 24 * 60 - 1);

    // Every visit is a closed work session on its own task.
    const sessions = await db.select().from(workSessions).where(eq(workSessions.tenantId, world.tenant.id));
    expect(sessions).toHaveLength(SESSIONS);
    expect(sessions.every((session) => session.endedAt !== null)).toBe(true);
    expect(sessions.reduce((sum, session) => sum + session.breakCount, 0)).toBe(SESSIONS);

    // One ONSS registration per In and per Out, at the time of the tap, waiting to be sent.
    const outbox = await db
      .select()
      .from(onssRegistrations)
      .where(eq(onssRegistrations.tenantId, world.tenant.id));
    expect(outbox).toHaveLength(1_000);
    const byEvent = new Map(outbox.map((row) => [row.clockEventId, row]));
    for (const event of queued) {
      const row = byEvent.get(event.id)!;
      expect(row.registrationTime.toISOString()).toBe(event.deviceTime);
      expect(row.direction).toBe(event.action === 'ARRIVE' || event.action === 'RESUME' ? 'IN' : 'OUT');
      expect(row.status).toBe('to_send');
    }

    // The app retrying the whole sync (say its answer was lost): nothing new, nothing lost.
    const replay = await sync();
    expect(outcomes(replay)).toEqual({
      'already_recorded:ALREADY_RECORDED': 1_000,
      'refused:CLOCK_EVENT_TOO_OLD': 2,
    });
    expect(await db.$count(clockEvents, eq(clockEvents.tenantId, world.tenant.id))).toBe(1_000);
    expect(await db.$count(onssRegistrations, eq(onssRegistrations.tenantId, world.tenant.id))).toBe(1_000);
    expect(
      await db.$count(
        anomalies,
        and(eq(anomalies.tenantId, world.tenant.id), eq(anomalies.type, 'LATE_SYNC')),
      ),
    ).toBe(1_000);
    expect(await db.$count(workSessions, eq(workSessions.tenantId, world.tenant.id))).toBe(SESSIONS);
    // Off duty at the end, as the last tap left.
    const state = await world.get('/api/agent/v1/state');
    expect(state.statusCode, state.body).toBe(200);
    expect(state.json()).toMatchObject({ status: 'OFF' });
  }, 120_000);
});
