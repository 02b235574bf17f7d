import { useId } from 'react';
import { Axes, MARGIN } from './axes';
import { bandLayout, niceScale, stack } from './chart-scale';
import { useChartMarks, type ChartMark } from './chart-marks';
import { SeriesPatterns, seriesFill } from './palette';
import { useChartWidth } from './use-chart-width';

export interface BarSeries {
  key: string;
  label: string;
  values: readonly number[];
  /** The palette index: colour and pattern. */
  style: number;
}

export interface BarChartProps {
  /** The chart's accessible name (its heading's text). */
  label: string;
  categories: readonly string[];
  series: readonly BarSeries[];
  /** Stacked segments (a total per category) or bars side by side (to compare). */
  stacked: boolean;
  /** A line over the bars (e.g. what was planned), drawn with round markers. */
  line?: { label: string; values: readonly number[] };
  formatTick: (value: number) => string;
  nameOf: (category: number, series: number) => string;
  hrefOf: (category: number, series: number) => string;
  height?: number;
}

/**
 * Weekly bars drawn in SVG by hand (no chart library: the back-office bundle is measured). Every
 * non-empty bar is a link to the list behind it.
 */
export function BarChart({
  label,
  categories,
  series,
  stacked,
  line,
  formatTick,
  nameOf,
  hrefOf,
  height = 280,
}: BarChartProps) {
  const prefix = useId().replaceAll(':', '');
  const { ref, width } = useChartWidth();
  const plotWidth = width - MARGIN.left - MARGIN.right;
  const plotHeight = height - MARGIN.top - MARGIN.bottom;
  const totals = categories.map((_, index) =>
    stacked
      ? series.reduce((sum, entry) => sum + Math.max(0, entry.values[index] ?? 0), 0)
      : Math.max(0, ...series.map((entry) => entry.values[index] ?? 0)),
  );
  const { max, ticks } = niceScale(Math.max(0, ...totals, ...(line?.values ?? [])));
  const y = (value: number) => MARGIN.top + plotHeight - (value / max) * plotHeight;
  const bands = bandLayout(categories.length, plotWidth, stacked ? 0.3 : 0.2).map((band) => ({
    ...band,
    x: band.x + MARGIN.left,
  }));

  const marks: ChartMark[] = [];
  bands.forEach((band, category) => {
    const values = series.map((entry) => entry.values[category] ?? 0);
    const segments = stacked ? stack(values) : values.map((value) => ({ from: 0, to: Math.max(0, value) }));
    const slot = stacked ? band.width : band.width / Math.max(1, series.length);
    series.forEach((entry, index) => {
      const segment = segments[index]!;
      if (segment.to - segment.from <= 0) return;
      const x = stacked ? band.x : band.x + index * slot;
      const top = y(segment.to);
      const barHeight = Math.max(1, y(segment.from) - top);
      marks.push({
        x,
        y: top,
        width: slot,
        height: barHeight,
        name: nameOf(category, index),
        href: hrefOf(category, index),
        shape: (
          <rect
            x={x}
            y={top}
            width={Math.max(1, slot - (stacked ? 0 : 1))}
            height={barHeight}
            fill={seriesFill(prefix, entry.style)}
            stroke="white"
            strokeWidth="1"
          />
        ),
      });
    });
  });
  const { links, ring, tooltip } = useChartMarks(marks, width);
  const centres = bands.map((band) => band.x + band.width / 2);
  const linePoints = line?.values.map((value, index) => `${centres[index]},${y(value)}`).join(' ');

  return (
    <div ref={ref} className="relative w-full">
      <svg width={width} height={height} role="group" aria-label={label} className="block overflow-visible">
        <defs>
          <SeriesPatterns prefix={prefix} />
        </defs>
        <Axes
          width={width}
          height={height}
          ticks={ticks}
          max={max}
          formatTick={formatTick}
          categories={categories}
          centres={centres}
        />
        {links}
        {line && (
          <g aria-hidden="true" pointerEvents="none">
            <polyline
              points={linePoints}
              fill="none"
              stroke="#0f172a"
              strokeWidth="2"
              strokeDasharray="6 3"
            />
            {line.values.map((value, index) => (
              <circle
                key={index}
                cx={centres[index]}
                cy={y(value)}
                r="4"
                fill="white"
                stroke="#0f172a"
                strokeWidth="2"
              />
            ))}
          </g>
        )}
        {ring}
      </svg>
      {tooltip}
    </div>
  );
}
