/**
 * The simulator's time source. Every rule that depends on "now" (token expiry, assertion `iat` and
 * `exp`, registrations in the future, the asynchronous validation delay, maintenance windows) reads
 * it, so tests can move time instead of waiting.
 *
 * @example
 * const clock = createManualClock('2026-03-02T08:00:00Z');
 * clock.advance(2_000);
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that only moves when told to. */
export interface ManualClock extends Clock {
  set(instant: Date | string): void;
  advance(milliseconds: number): void;
}

export function createManualClock(start: Date | string = new Date()): ManualClock {
  let current = new Date(start).getTime();
  return {
    now: () => new Date(current),
    set: (instant) => {
      current = new Date(instant).getTime();
    },
    advance: (milliseconds) => {
      current += milliseconds;
    },
  };
}

/**
 * The clock the simulator runs on: the injected one shifted by an offset that the admin API can
 * change, so tests driving the simulator over HTTP (another process) can move its time too.
 */
export interface ShiftableClock extends Clock {
  readonly offsetMs: number;
  shiftTo(instant: Date): void;
  shiftBy(milliseconds: number): void;
  resetShift(): void;
}

export function createShiftableClock(base: Clock): ShiftableClock {
  let offsetMs = 0;
  return {
    get offsetMs() {
      return offsetMs;
    },
    now: () => new Date(base.now().getTime() + offsetMs),
    shiftTo: (instant) => {
      offsetMs = instant.getTime() - base.now().getTime();
    },
    shiftBy: (milliseconds) => {
      offsetMs += milliseconds;
    },
    resetShift: () => {
      offsetMs = 0;
    },
  };
}
