import { useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { useRovingFocus } from './roving-focus';

/** One clickable mark of a chart (a bar, a segment, a point): where it is and where it leads. */
export interface ChartMark {
  x: number;
  y: number;
  width: number;
  height: number;
  /** What a screen reader says, and what the tooltip shows. */
  name: string;
  href: string;
  /** Drawn inside the link: the bar's rect or the point's circle. */
  shape: ReactNode;
}

/**
 * A chart's marks as links: one tab stop (arrows move on), Enter or a click opens the list behind
 * the mark, hover and focus show its tooltip, focus draws a ring the pattern cannot hide.
 */
export function useChartMarks(marks: readonly ChartMark[], width: number) {
  const navigate = useNavigate();
  const roving = useRovingFocus(marks.length);
  const [shown, setShown] = useState<{ index: number; focused: boolean }>();
  const active = shown === undefined ? undefined : marks[shown.index];

  const links = marks.map((mark, index) => (
    <a
      key={index}
      href={mark.href}
      data-mark={index}
      tabIndex={index === roving.index ? 0 : -1}
      aria-label={mark.name}
      className="cursor-pointer outline-none"
      onClick={(event) => {
        event.preventDefault();
        void navigate(mark.href);
      }}
      onKeyDown={roving.onKeyDown}
      onFocus={() => {
        roving.setIndex(index);
        setShown({ index, focused: true });
      }}
      onBlur={() => setShown(undefined)}
      onMouseEnter={() => setShown((current) => (current?.focused ? current : { index, focused: false }))}
      onMouseLeave={() => setShown((current) => (current?.focused ? current : undefined))}
    >
      {mark.shape}
    </a>
  ));

  const ring =
    shown?.focused && active ? (
      <rect
        x={active.x - 3}
        y={active.y - 3}
        width={active.width + 6}
        height={active.height + 6}
        rx="3"
        fill="none"
        stroke="#0f172a"
        strokeWidth="3"
        pointerEvents="none"
      />
    ) : null;

  const tooltip = active ? (
    <div
      aria-hidden="true"
      className="pointer-events-none absolute z-10 max-w-64 -translate-x-1/2 -translate-y-full rounded-md bg-slate-900 px-2 py-1 text-sm text-white shadow-lg"
      style={{
        left: Math.min(Math.max(active.x + active.width / 2, 96), width - 96),
        top: Math.max(active.y - 6, 24),
      }}
    >
      {active.name}
    </div>
  ) : null;

  return { links, ring, tooltip };
}
