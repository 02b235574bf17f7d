import { useState } from 'react';
import type { TouchEvent } from 'react';
import { PULL_IDLE, pullArmed, pullEnd, pullMove, pullStart } from '../lib/pull-gesture';
import type { PullState } from '../lib/pull-gesture';

export interface PullToRefresh {
  /** How far the list is pulled down (px); 0 when not pulling. */
  distance: number;
  /** The finger is on the screen: the list follows it (no animation). */
  pulling: boolean;
  /** Released now, the pull would refresh. */
  armed: boolean;
  /** To spread on the element that can be pulled. */
  handlers: {
    onTouchStart: (event: TouchEvent) => void;
    onTouchMove: (event: TouchEvent) => void;
    onTouchEnd: () => void;
    onTouchCancel: () => void;
  };
}

// The page itself scrolls (not the list): its scroll position decides whether a touch is a pull.
const pageScrollTop = () => window.scrollY;

/**
 * Pull to refresh on a touch screen: pulled down from the top of the page and released far enough,
 * calls `onRefresh`. Not while `busy` (a refresh already running). The browser's own pull (which
 * would reload the whole app) is turned off in styles.css (`overscroll-behavior-y`).
 */
export function usePullToRefresh(onRefresh: () => void, busy: boolean): PullToRefresh {
  const [state, setState] = useState<PullState>(PULL_IDLE);
  const fingerY = (event: TouchEvent) => event.touches[0]?.clientY;

  const end = () => {
    const { refresh, next } = pullEnd(state);
    setState(next);
    if (refresh && !busy) onRefresh();
  };

  return {
    distance: state.phase === 'pulling' ? state.distance : 0,
    pulling: state.phase === 'pulling',
    armed: pullArmed(state),
    handlers: {
      onTouchStart: (event) => {
        const y = fingerY(event);
        // A second finger (a pinch) is not a pull.
        setState(
          y === undefined || busy || event.touches.length > 1 ? PULL_IDLE : pullStart(y, pageScrollTop()),
        );
      },
      onTouchMove: (event) => {
        const y = fingerY(event);
        if (y !== undefined) setState((current) => pullMove(current, y, pageScrollTop()));
      },
      onTouchEnd: end,
      onTouchCancel: () => setState(PULL_IDLE),
    },
  };
}
