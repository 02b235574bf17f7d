import { describe, expect, it } from 'vitest';
import {
  PULL_IDLE,
  PULL_MAX_PX,
  PULL_RESISTANCE,
  PULL_THRESHOLD_PX,
  pullArmed,
  pullEnd,
  pullMove,
  pullStart,
} from './pull-gesture';

const AT_TOP = 0;
/** Finger travel that pulls the list exactly `distance` px. */
const travelFor = (distance: number) => distance / PULL_RESISTANCE;

/** A whole gesture: touch at y = 100, move through `moves` (finger y), release. */
function gesture(moves: number[], scrollTop = AT_TOP) {
  let state = pullStart(100, scrollTop);
  for (const y of moves) state = pullMove(state, y, scrollTop);
  return { armed: pullArmed(state), ...pullEnd(state) };
}

describe('pull to refresh', () => {
  it('refreshes when released past the threshold, at the top of the page', () => {
    expect(gesture([150, 100 + travelFor(PULL_THRESHOLD_PX)])).toMatchObject({ armed: true, refresh: true });
  });

  it('does not refresh just short of the threshold', () => {
    expect(gesture([100 + travelFor(PULL_THRESHOLD_PX) - 1])).toMatchObject({ armed: false, refresh: false });
  });

  it('does not refresh when the finger comes back up before release', () => {
    expect(gesture([100 + travelFor(PULL_THRESHOLD_PX) + 40, 120])).toMatchObject({ refresh: false });
  });

  it('never starts when the page is scrolled down: the same gesture scrolls', () => {
    expect(pullStart(100, 1)).toEqual(PULL_IDLE);
    expect(gesture([400], 250)).toMatchObject({ armed: false, refresh: false });
  });

  it('stops being a pull when the page scrolls during the touch', () => {
    let state = pullStart(100, AT_TOP);
    state = pullMove(state, 60, 40); // finger up: the page scrolled by 40 px
    state = pullMove(state, 100 + travelFor(PULL_THRESHOLD_PX) + 10, 0);
    expect(pullEnd(state).refresh).toBe(false);
  });

  it('follows the finger with resistance, up to a maximum, never upwards', () => {
    const start = pullStart(100, AT_TOP);
    expect(pullMove(start, 140, AT_TOP)).toMatchObject({ distance: 40 * PULL_RESISTANCE });
    expect(pullMove(start, 2000, AT_TOP)).toMatchObject({ distance: PULL_MAX_PX });
    expect(pullMove(start, 20, AT_TOP)).toMatchObject({ distance: 0 });
  });

  it('goes back to idle after every release', () => {
    expect(gesture([400]).next).toEqual(PULL_IDLE);
    expect(gesture([110]).next).toEqual(PULL_IDLE);
  });
});
