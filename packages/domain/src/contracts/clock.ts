import { z } from 'zod';
import { clockActions } from '../clock/state-machine.js';

/** The most events one sync request may carry: an agent offline for days stays well below it. */
export const CLOCK_BATCH_MAX_EVENTS = 500;

/**
 * The phone's position at the moment of the registration (mandatory: the law wants the place of
 * work, and ciao checks it against the site's geofence).
 *
 * @example
 * positionInput.parse({ latitude: 50.8275, longitude: 4.3653, accuracyMeters: 12 });
 */
export const positionInput = z.object(
  {
    latitude: z.number().min(-90, 'must be between -90 and 90').max(90, 'must be between -90 and 90'),
    longitude: z.number().min(-180, 'must be between -180 and 180').max(180, 'must be between -180 and 180'),
    accuracyMeters: z.number().min(0, 'must be 0 or more').max(100_000, 'must be at most 100000'),
  },
  {
    error: (issue) =>
      issue.input === undefined
        ? 'is required: every registration needs the phone’s position (allow location access and try again)'
        : undefined,
  },
);

/**
 * One registration made on the phone: its id is made by the app, so a replay is recognised.
 *
 * @example
 * clockEventInput.parse({
 *   id: '0b6f3c1e-8a39-4d55-9d7e-2f1d8f6a9c11',
 *   taskId: '5f0e9d1c-2b3a-4c5d-8e7f-1a2b3c4d5e6f',
 *   action: 'ARRIVE',
 *   deviceTime: '2026-11-30T06:00:00+01:00',
 *   position: { latitude: 50.8275, longitude: 4.3653, accuracyMeters: 12 },
 * });
 */
export const clockEventInput = z.object({
  id: z.uuid('must be a UUID made by the app'),
  taskId: z.uuid('must be the id of one of your tasks'),
  action: z.enum(clockActions),
  deviceTime: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time with its offset' }),
  position: positionInput,
  appVersion: z.string().max(40).optional(),
  capturedOffline: z.boolean().default(false),
});

export type ClockEventInput = z.infer<typeof clockEventInput>;

/**
 * A sync of queued registrations. Items are checked one by one, so that one bad item never blocks
 * the others: each gets its own result.
 *
 * @example
 * clockEventBatchInput.parse({ events: [] }); // throws: at least one event
 */
export const clockEventBatchInput = z.object({
  events: z
    .array(z.unknown())
    .min(1, 'must hold at least one event')
    .max(
      CLOCK_BATCH_MAX_EVENTS,
      `must hold at most ${CLOCK_BATCH_MAX_EVENTS} events: send the rest in another request`,
    ),
});

/**
 * A registration as the server recorded it.
 *
 * @example
 * recordedClockEvent.shape.flags;
 */
/** A recorded registration, as examples of the agent app's answers show it. */
export const exampleRecordedClockEvent = {
  id: '9c0d1e2f-3a4b-4c5d-8e6f-7a8b9c0d1e2f',
  taskId: '5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d',
  siteId: '7d2e9f10-3c4b-4a5d-9e8f-0a1b2c3d4e5f',
  action: 'ARRIVE',
  direction: 'IN',
  deviceTime: '2026-11-28T05:58:41.000Z',
  receivedAt: '2026-11-28T05:58:43.120Z',
  accuracyMeters: 12,
  distanceMeters: 34.5,
  insideGeofence: true,
  flags: [],
  capturedOffline: false,
  onssStatus: 'to_send',
};

export const recordedClockEvent = z.object({
  id: z.uuid(),
  taskId: z.uuid(),
  siteId: z.uuid(),
  action: z.enum(clockActions),
  direction: z.enum(['IN', 'OUT']),
  deviceTime: z.string(),
  receivedAt: z.string(),
  accuracyMeters: z.number(),
  distanceMeters: z.number().nullable(),
  insideGeofence: z.boolean().nullable(),
  /** OUTSIDE_GEOFENCE, POOR_ACCURACY, LATE_SYNC, TASK_INACTIVE, OUTSIDE_TASK_VALIDITY. */
  flags: z.array(z.string()),
  capturedOffline: z.boolean(),
  onssStatus: z.string().nullable(),
});

/**
 * Where the agent stands after the registration.
 *
 * @example
 * agentClockState.parse({ status: 'OFF', taskId: null, since: null });
 */
export const agentClockState = z
  .object({
    status: z.enum(['OFF', 'WORKING', 'ON_BREAK']),
    taskId: z.uuid().nullable(),
    since: z.string().nullable(),
    workSessionId: z.uuid().nullable().optional(),
  })
  .meta({
    examples: [
      {
        status: 'WORKING',
        taskId: '5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d',
        since: '2026-11-28T05:58:41.000Z',
      },
    ],
  });

/**
 * The answer for one event: `recorded` (new), `already_recorded` (a replay: a success), or
 * `refused` with a code saying why.
 *
 * @example
 * clockEventResult.parse({ id: '0b6f3c1e-8a39-4d55-9d7e-2f1d8f6a9c11', outcome: 'refused', code: 'CLOCK_NOT_WORKING', message: 'Register your arrival first.' });
 */
export const clockEventResult = z.object({
  id: z.string(),
  outcome: z.enum(['recorded', 'already_recorded', 'refused']),
  code: z.string().optional(),
  message: z.string().optional(),
  event: recordedClockEvent.optional(),
});

export const clockEventBatchResult = z
  .object({
    results: z.array(clockEventResult),
    state: agentClockState,
  })
  .meta({
    examples: [
      {
        results: [
          { id: exampleRecordedClockEvent.id, outcome: 'recorded', event: exampleRecordedClockEvent },
        ],
        state: {
          status: 'WORKING',
          taskId: '5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d',
          since: '2026-11-28T05:58:41.000Z',
        },
      },
    ],
  });

/**
 * One of the agent's tasks as the app lists it, today's first.
 *
 * @example
 * agentTask.shape.plannedToday;
 */
export const agentTask = z.object({
  id: z.uuid(),
  name: z.string(),
  site: z.object({
    id: z.uuid(),
    name: z.string(),
    address: z.string(),
    latitude: z.number().nullable(),
    longitude: z.number().nullable(),
    geofenceRadiusMeters: z.number(),
  }),
  plannedToday: z.array(z.object({ start: z.string(), end: z.string() })),
  /** not_started, working, on_break or done (a session closed today). */
  state: z.enum(['not_started', 'working', 'on_break', 'done']),
  allowedActions: z.array(z.enum(clockActions)),
});

export const agentTasksResponse = z
  .object({
    /** The local date (company time zone) the list is for. */
    date: z.string(),
    tasks: z.array(agentTask),
  })
  .meta({
    examples: [
      {
        date: '2026-11-28',
        tasks: [
          {
            id: '5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d',
            name: 'Morning cleaning',
            site: {
              id: '7d2e9f10-3c4b-4a5d-9e8f-0a1b2c3d4e5f',
              name: 'Louise 231',
              address: 'Avenue Louise 231, 1050 Ixelles',
              latitude: 50.8275,
              longitude: 4.3653,
              geofenceRadiusMeters: 150,
            },
            plannedToday: [{ start: '06:00', end: '09:00' }],
            state: 'not_started',
            allowedActions: ['ARRIVE'],
          },
        ],
      },
    ],
  });

/**
 * The agent's recent registrations with their ONSS status, newest first.
 *
 * @example
 * agentHistoryResponse.shape.events;
 */
export const agentHistoryResponse = z
  .object({
    events: z.array(recordedClockEvent.extend({ siteName: z.string(), taskName: z.string() })),
  })
  .meta({
    examples: [
      { events: [{ ...exampleRecordedClockEvent, siteName: 'Louise 231', taskName: 'Morning cleaning' }] },
    ],
  });
