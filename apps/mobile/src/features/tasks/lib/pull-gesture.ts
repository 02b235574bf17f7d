// Pull to refresh, as pure steps: the hook (use-pull-to-refresh.ts) feeds them the finger's
// position and the page's scroll; the rules stay testable without a touch screen.

/** The list follows the finger at this fraction of its travel: the pull feels like a rubber band. */
export const PULL_RESISTANCE = 0.5;
/** How far the list must be pulled (after resistance, so 128 px of finger travel) to refresh. */
export const PULL_THRESHOLD_PX = 64;
/** The list goes no further down than this, however far the finger goes. */
export const PULL_MAX_PX = 112;

export type PullState = { phase: 'idle' } | { phase: 'pulling'; startY: number; distance: number };

export const PULL_IDLE: PullState = { phase: 'idle' };

/**
 * A touch begins a pull only on a page scrolled to its very top: anywhere else, moving the finger
 * down scrolls the page up, as usual.
 */
export function pullStart(touchY: number, scrollTop: number): PullState {
  return scrollTop <= 0 ? { phase: 'pulling', startY: touchY, distance: 0 } : PULL_IDLE;
}

/** The finger moved: how far the list is pulled now. */
export function pullMove(state: PullState, touchY: number, scrollTop: number): PullState {
  if (state.phase !== 'pulling') return state;
  // The page scrolled meanwhile (the finger went up first): this touch is a scroll, not a pull.
  if (scrollTop > 0) return PULL_IDLE;
  const travel = Math.max(0, touchY - state.startY);
  return { ...state, distance: Math.min(PULL_MAX_PX, travel * PULL_RESISTANCE) };
}

/** Released now, the pull would refresh. */
export function pullArmed(state: PullState): boolean {
  return state.phase === 'pulling' && state.distance >= PULL_THRESHOLD_PX;
}

/** The finger left the screen: refresh when the pull went far enough; the list goes back either way. */
export function pullEnd(state: PullState): { refresh: boolean; next: PullState } {
  return { refresh: pullArmed(state), next: PULL_IDLE };
}
