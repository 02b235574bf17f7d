import { describe, expect, it } from 'vitest';
import type { QueuedEvent } from '../local-db';
import {
  localClockState,
  patchForResult,
  retryDelayMs,
  sendOrder,
  sessionTimes,
  toBatches,
  toRequestBody,
} from './queue-logic';

const TASK = '5f0e9d1c-2b3a-4c5d-8e7f-1a2b3c4d5e6f';
let counter = 0;

function queued(
  action: QueuedEvent['action'],
  deviceTime: string,
  status: QueuedEvent['status'] = 'pending',
): QueuedEvent {
  counter += 1;
  return {
    id: `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
    agentId: 'agent',
    taskId: TASK,
    taskName: 'Bureaux',
    siteName: 'Louise',
    action,
    deviceTime,
    position: { latitude: 50.8275, longitude: 4.3653, accuracyMeters: 10 },
    capturedOffline: true,
    appVersion: '0.1.0',
    status,
    attempts: 0,
  };
}

describe('sendOrder', () => {
  it('keeps only waiting events, oldest tap first, whatever the offsets', () => {
    const leave = queued('LEAVE', '2026-11-30T09:00:00+01:00');
    const arrive = queued('ARRIVE', '2026-11-30T05:00:00Z');
    const sent = queued('PAUSE', '2026-11-30T04:00:00Z', 'sent');
    const refused = queued('RESUME', '2026-11-30T04:30:00Z', 'refused');
    const pause = queued('PAUSE', '2026-11-30T07:00:00+01:00');
    expect(sendOrder([leave, sent, pause, refused, arrive]).map((event) => event.action)).toEqual([
      'ARRIVE',
      'PAUSE',
      'LEAVE',
    ]);
  });
});

describe('toBatches', () => {
  it('sends at most 500 events per request, in order', () => {
    const items = Array.from({ length: 1_201 }, (_, index) => index);
    const batches = toBatches(items);
    expect(batches.map((batch) => batch.length)).toEqual([500, 500, 201]);
    expect(batches.flat()).toEqual(items);
  });

  it('makes no request for an empty queue', () => {
    expect(toBatches([])).toEqual([]);
  });
});

describe('toRequestBody', () => {
  it('sends the contract fields only', () => {
    const event = queued('ARRIVE', '2026-11-30T05:00:00Z');
    expect(Object.keys(toRequestBody(event)).sort()).toEqual(
      ['action', 'appVersion', 'capturedOffline', 'deviceTime', 'id', 'position', 'taskId'].sort(),
    );
  });
});

describe('patchForResult', () => {
  const now = new Date('2026-11-30T06:00:00Z');

  it('marks recorded and already_recorded as sent, with the ONSS status', () => {
    for (const outcome of ['recorded', 'already_recorded'] as const) {
      expect(
        patchForResult({ id: 'x', outcome, event: { onssStatus: 'to_send', flags: ['LATE_SYNC'] } }, now),
      ).toEqual({
        status: 'sent',
        sentAt: now.toISOString(),
        onssStatus: 'to_send',
        flags: ['LATE_SYNC'],
      });
    }
  });

  it('keeps a refusal with its code and message', () => {
    expect(
      patchForResult(
        { id: 'x', outcome: 'refused', code: 'CLOCK_NOT_WORKING', message: 'Register your arrival first.' },
        now,
      ),
    ).toEqual({ status: 'refused', code: 'CLOCK_NOT_WORKING', message: 'Register your arrival first.' });
  });
});

describe('retryDelayMs', () => {
  it('doubles from 5 s up to 5 minutes', () => {
    expect(retryDelayMs(0, 0.5)).toBe(5_000);
    expect(retryDelayMs(1, 0.5)).toBe(10_000);
    expect(retryDelayMs(3, 0.5)).toBe(40_000);
    expect(retryDelayMs(20, 0.5)).toBe(300_000);
  });
});

describe('localClockState', () => {
  it('applies the waiting events to the last known server state', () => {
    const events = [queued('ARRIVE', '2026-11-30T05:00:00Z'), queued('PAUSE', '2026-11-30T07:00:00Z')];
    const state = localClockState({ status: 'OFF', taskId: null, since: null }, events);
    expect(state).toEqual({ status: 'ON_BREAK', taskId: TASK, since: new Date('2026-11-30T07:00:00Z') });
  });

  it('skips an event the state machine refuses, as the server would', () => {
    const events = [queued('PAUSE', '2026-11-30T05:00:00Z')];
    expect(localClockState({ status: 'OFF', taskId: null, since: null }, events)).toEqual({ status: 'OFF' });
  });

  it('starts from the server state', () => {
    const events = [queued('LEAVE', '2026-11-30T09:00:00Z')];
    const server = { status: 'WORKING' as const, taskId: TASK, since: '2026-11-30T05:00:00Z' };
    expect(localClockState(server, events)).toEqual({ status: 'OFF' });
  });
});

describe('sessionTimes', () => {
  it('adds up work and break time of the last session, up to now when still open', () => {
    const events = [
      queued('ARRIVE', '2026-11-30T05:00:00Z', 'sent'),
      queued('PAUSE', '2026-11-30T07:00:00Z', 'sent'),
      queued('RESUME', '2026-11-30T07:15:00Z'),
    ];
    expect(sessionTimes(events, new Date('2026-11-30T08:15:00Z'))).toEqual({
      workMs: 3 * 3_600_000,
      breakMs: 15 * 60_000,
    });
  });

  it('stops at the departure and ignores refused events', () => {
    const events = [
      queued('ARRIVE', '2026-11-30T05:00:00Z'),
      queued('PAUSE', '2026-11-30T06:00:00Z', 'refused'),
      queued('LEAVE', '2026-11-30T07:00:00Z'),
    ];
    expect(sessionTimes(events, new Date('2026-11-30T12:00:00Z'))).toEqual({
      workMs: 2 * 3_600_000,
      breakMs: 0,
    });
  });
});
