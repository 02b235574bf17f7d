import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sessionDurations } from './durations.js';
import {
  allowedActions,
  clockActions,
  directionOf,
  transition,
  type ClockAction,
  type ClockState,
} from './state-machine.js';

const at = (iso: string) => new Date(iso);
const off: ClockState = { status: 'OFF' };

function run(events: { action: ClockAction; taskId?: string; at: string }[]) {
  let state: ClockState = off;
  const refusals: string[] = [];
  for (const event of events) {
    const result = transition(state, {
      action: event.action,
      taskId: event.taskId ?? 't1',
      at: at(event.at),
    });
    if (result.ok) state = result.state;
    else refusals.push(result.code);
  }
  return { state, refusals };
}

describe('registration state machine', () => {
  it('walks a full day: arrive, pause, resume, leave', () => {
    const { state, refusals } = run([
      { action: 'ARRIVE', at: '2026-11-30T05:00:00Z' },
      { action: 'PAUSE', at: '2026-11-30T07:00:00Z' },
      { action: 'RESUME', at: '2026-11-30T07:15:00Z' },
      { action: 'LEAVE', at: '2026-11-30T08:00:00Z' },
    ]);
    expect(refusals).toEqual([]);
    expect(state).toEqual(off);
  });

  it('maps the four buttons to the two ONSS types', () => {
    expect(clockActions.map(directionOf)).toEqual(['IN', 'OUT', 'IN', 'OUT']);
  });

  it.each([
    ['arrive twice', [{ action: 'ARRIVE' }, { action: 'ARRIVE' }], 'CLOCK_ALREADY_WORKING'],
    ['pause without arriving', [{ action: 'PAUSE' }], 'CLOCK_NOT_WORKING'],
    ['resume without arriving', [{ action: 'RESUME' }], 'CLOCK_NOT_WORKING'],
    ['leave without arriving', [{ action: 'LEAVE' }], 'CLOCK_NOT_WORKING'],
    [
      'pause twice',
      [{ action: 'ARRIVE' }, { action: 'PAUSE' }, { action: 'PAUSE' }],
      'CLOCK_ALREADY_ON_BREAK',
    ],
    ['resume while working', [{ action: 'ARRIVE' }, { action: 'RESUME' }], 'CLOCK_NOT_ON_BREAK'],
    [
      'leave while on break',
      [{ action: 'ARRIVE' }, { action: 'PAUSE' }, { action: 'LEAVE' }],
      'CLOCK_ON_BREAK',
    ],
    [
      'arrive while on break',
      [{ action: 'ARRIVE' }, { action: 'PAUSE' }, { action: 'ARRIVE' }],
      'CLOCK_ON_BREAK',
    ],
  ] as const)('refuses to %s', (_name, actions, code) => {
    const events = actions.map((event, index) => ({
      action: event.action,
      at: `2026-11-30T0${index + 5}:00:00Z`,
    }));
    expect(run(events).refusals).toEqual([code]);
  });

  it('keeps one open task at a time', () => {
    const { refusals } = run([
      { action: 'ARRIVE', taskId: 't1', at: '2026-11-30T05:00:00Z' },
      { action: 'ARRIVE', taskId: 't2', at: '2026-11-30T06:00:00Z' },
      { action: 'PAUSE', taskId: 't2', at: '2026-11-30T06:30:00Z' },
    ]);
    expect(refusals).toEqual(['CLOCK_OTHER_TASK_OPEN', 'CLOCK_OTHER_TASK_OPEN']);
  });

  it('refuses a registration dated before the previous one', () => {
    const { refusals } = run([
      { action: 'ARRIVE', at: '2026-11-30T05:00:00Z' },
      { action: 'LEAVE', at: '2026-11-30T04:59:59Z' },
    ]);
    expect(refusals).toEqual(['CLOCK_OUT_OF_ORDER']);
  });

  it('enables only the valid buttons', () => {
    expect(allowedActions(off, 't1')).toEqual(['ARRIVE']);
    expect(allowedActions({ status: 'WORKING', taskId: 't1', since: new Date() }, 't1')).toEqual([
      'PAUSE',
      'LEAVE',
    ]);
    expect(allowedActions({ status: 'ON_BREAK', taskId: 't1', since: new Date() }, 't1')).toEqual(['RESUME']);
    expect(allowedActions({ status: 'WORKING', taskId: 't1', since: new Date() }, 't2')).toEqual([]);
  });

  it('never accepts a move that allowedActions does not offer, and vice versa (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ action: fc.constantFrom(...clockActions), taskId: fc.constantFrom('t1', 't2') }),
          { maxLength: 40 },
        ),
        (moves) => {
          let state: ClockState = off;
          let time = Date.UTC(2026, 10, 30, 5);
          for (const move of moves) {
            time += 60_000;
            const offered = allowedActions(state, move.taskId).includes(move.action);
            const result = transition(state, { ...move, at: new Date(time) });
            expect(result.ok).toBe(offered);
            if (result.ok) state = result.state;
          }
        },
      ),
    );
  });

  it('yields worked + break time equal to the time from arrival to departure, never negative (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            action: fc.constantFrom(...clockActions),
            gapMinutes: fc.integer({ min: 0, max: 600 }),
          }),
          { maxLength: 60 },
        ),
        (moves) => {
          let state: ClockState = off;
          let time = Date.UTC(2026, 2, 28, 20); // the evening before the spring DST change
          const session: { action: ClockAction; at: Date }[] = [];
          const closed: { events: typeof session }[] = [];
          for (const move of moves) {
            time += move.gapMinutes * 60_000;
            const result = transition(state, { action: move.action, taskId: 't1', at: new Date(time) });
            if (!result.ok) continue;
            state = result.state;
            session.push({ action: move.action, at: new Date(time) });
            if (move.action === 'LEAVE') closed.push({ events: session.splice(0) });
          }
          for (const { events } of closed) {
            const totals = sessionDurations(events);
            const span = (events.at(-1)!.at.getTime() - events[0]!.at.getTime()) / 1000;
            expect(totals.workedSeconds).toBeGreaterThanOrEqual(0);
            expect(totals.breakSeconds).toBeGreaterThanOrEqual(0);
            expect(totals.workedSeconds + totals.breakSeconds).toBe(span);
            expect(totals.breakCount).toBe(events.filter((event) => event.action === 'PAUSE').length);
          }
        },
      ),
    );
  });
});
