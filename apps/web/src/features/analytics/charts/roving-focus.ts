import { useState, type KeyboardEvent } from 'react';

/**
 * One tab stop per chart: the arrow keys move between its marks (Home and End to the ends), so a
 * keyboard user reaches the next chart in one Tab instead of fifty.
 */
export function useRovingFocus(count: number) {
  const [current, setCurrent] = useState(0);
  const index = Math.min(current, Math.max(0, count - 1));
  const onKeyDown = (event: KeyboardEvent<Element>) => {
    const moves: Record<string, number> = {
      ArrowRight: index + 1,
      ArrowDown: index + 1,
      ArrowLeft: index - 1,
      ArrowUp: index - 1,
      Home: 0,
      End: count - 1,
    };
    const next = moves[event.key];
    if (next === undefined || count === 0) return;
    event.preventDefault();
    const target = Math.min(count - 1, Math.max(0, next));
    setCurrent(target);
    const chart = event.currentTarget.closest('svg');
    chart?.querySelector<SVGElement>(`[data-mark="${target}"]`)?.focus();
  };
  return { index, setIndex: setCurrent, onKeyDown };
}
