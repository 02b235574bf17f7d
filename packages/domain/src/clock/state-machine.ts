/**
 * The four buttons of the agent app. ONSS knows only two registration types: a break is an OUT at
 * its start and an IN at its end, so arrive, pause, resume and leave map to IN, OUT, IN, OUT.
 *
 * @example
 * clockActions.includes('PAUSE'); // true
 */
export const clockActions = ['ARRIVE', 'PAUSE', 'RESUME', 'LEAVE'] as const;

export type ClockAction = (typeof clockActions)[number];

/**
 * The ONSS registration type of an action.
 *
 * @example
 * directionOf('RESUME'); // 'IN'
 */
export function directionOf(action: ClockAction): 'IN' | 'OUT' {
  return action === 'ARRIVE' || action === 'RESUME' ? 'IN' : 'OUT';
}

/**
 * Where an agent stands: off, working on one task, or on a break during one task. One open task
 * at a time.
 *
 * @example
 * const state: ClockState = { status: 'WORKING', taskId: 't1', since: new Date() };
 */
export type ClockState =
  | { status: 'OFF' }
  | { status: 'WORKING'; taskId: string; since: Date }
  | { status: 'ON_BREAK'; taskId: string; since: Date };

/**
 * Why a registration is refused; each has its own code so that the app says what to do.
 *
 * @example
 * clockRefusalCodes.includes('CLOCK_ALREADY_WORKING'); // true
 */
export const clockRefusalCodes = [
  'CLOCK_ALREADY_WORKING',
  'CLOCK_NOT_WORKING',
  'CLOCK_ON_BREAK',
  'CLOCK_NOT_ON_BREAK',
  'CLOCK_ALREADY_ON_BREAK',
  'CLOCK_OTHER_TASK_OPEN',
  'CLOCK_OUT_OF_ORDER',
] as const;

export type ClockRefusalCode = (typeof clockRefusalCodes)[number];

export type ClockTransition =
  { ok: true; state: ClockState } | { ok: false; code: ClockRefusalCode; message: string };

export interface ClockMove {
  action: ClockAction;
  taskId: string;
  at: Date;
}

const refuse = (code: ClockRefusalCode, message: string): ClockTransition => ({ ok: false, code, message });

/**
 * The registration state machine: OFF → arrive → WORKING → pause → ON_BREAK → resume → WORKING →
 * leave → OFF. Every other move is refused with its own code. An event dated before the state's
 * last change is refused too: batches are applied in device-time order, and nobody may register
 * in the past of their own registrations.
 *
 * @example
 * const started = transition({ status: 'OFF' }, { action: 'ARRIVE', taskId: 't1', at: new Date('2026-11-30T05:00:00Z') });
 * started.ok && started.state.status; // 'WORKING'
 */
export function transition(state: ClockState, event: ClockMove): ClockTransition {
  if (state.status !== 'OFF' && event.at.getTime() < state.since.getTime()) {
    return refuse('CLOCK_OUT_OF_ORDER', 'This registration is dated before your previous one.');
  }
  if (state.status !== 'OFF' && state.taskId !== event.taskId) {
    return refuse(
      'CLOCK_OTHER_TASK_OPEN',
      'Another task is still open: register your departure from it before starting this one.',
    );
  }
  switch (event.action) {
    case 'ARRIVE':
      if (state.status === 'WORKING')
        return refuse('CLOCK_ALREADY_WORKING', 'Your arrival is already registered.');
      if (state.status === 'ON_BREAK')
        return refuse('CLOCK_ON_BREAK', 'You are on a break: register the resume.');
      return { ok: true, state: { status: 'WORKING', taskId: event.taskId, since: event.at } };
    case 'PAUSE':
      if (state.status === 'OFF') return refuse('CLOCK_NOT_WORKING', 'Register your arrival first.');
      if (state.status === 'ON_BREAK')
        return refuse('CLOCK_ALREADY_ON_BREAK', 'Your break is already registered.');
      return { ok: true, state: { status: 'ON_BREAK', taskId: event.taskId, since: event.at } };
    case 'RESUME':
      if (state.status === 'OFF') return refuse('CLOCK_NOT_WORKING', 'Register your arrival first.');
      if (state.status === 'WORKING') return refuse('CLOCK_NOT_ON_BREAK', 'You are not on a break.');
      return { ok: true, state: { status: 'WORKING', taskId: event.taskId, since: event.at } };
    case 'LEAVE':
      if (state.status === 'OFF') return refuse('CLOCK_NOT_WORKING', 'Register your arrival first.');
      // Leaving from a break would send two OUTs in a row to ONSS: the break must end first.
      if (state.status === 'ON_BREAK')
        return refuse('CLOCK_ON_BREAK', 'You are on a break: register the resume before leaving.');
      return { ok: true, state: { status: 'OFF' } };
  }
}

/**
 * The buttons the app enables for a task, given the agent's state.
 *
 * @example
 * allowedActions({ status: 'OFF' }, 't1'); // ['ARRIVE']
 */
export function allowedActions(state: ClockState, taskId: string): ClockAction[] {
  if (state.status === 'OFF') return ['ARRIVE'];
  if (state.taskId !== taskId) return [];
  return state.status === 'WORKING' ? ['PAUSE', 'LEAVE'] : ['RESUME'];
}
