import type { z } from 'zod';
import type { agentClockState, recordedClockEvent } from '@ciao/domain';
import type { clockEvents, workSessions } from '../../db/schema/index.js';

export function presentClockEvent(
  event: typeof clockEvents.$inferSelect,
  onssStatus: string | null,
): z.infer<typeof recordedClockEvent> {
  return {
    id: event.id,
    taskId: event.taskId,
    siteId: event.siteId,
    action: event.action as z.infer<typeof recordedClockEvent>['action'],
    direction: event.direction as 'IN' | 'OUT',
    deviceTime: event.deviceTime.toISOString(),
    receivedAt: event.receivedAt.toISOString(),
    accuracyMeters: event.accuracyMeters,
    distanceMeters: event.distanceMeters === null ? null : Math.round(event.distanceMeters),
    insideGeofence: event.insideGeofence,
    flags: event.flags,
    capturedOffline: event.capturedOffline,
    onssStatus,
  };
}

export function presentClockState(
  session: typeof workSessions.$inferSelect | undefined,
): z.infer<typeof agentClockState> {
  if (!session || session.state === 'CLOSED')
    return { status: 'OFF', taskId: null, since: null, workSessionId: null };
  return {
    status: session.state as 'WORKING' | 'ON_BREAK',
    taskId: session.taskId,
    since: session.lastEventAt.toISOString(),
    workSessionId: session.id,
  };
}
