import { labelEvery } from './chart-scale';

export const MARGIN = { top: 12, right: 8, bottom: 28, left: 52 };

/** The value gridlines with their labels, and the category labels under the bands. */
export function Axes({
  width,
  height,
  ticks,
  max,
  formatTick,
  categories,
  centres,
}: {
  width: number;
  height: number;
  ticks: readonly number[];
  max: number;
  formatTick: (value: number) => string;
  categories: readonly string[];
  centres: readonly number[];
}) {
  const plotHeight = height - MARGIN.top - MARGIN.bottom;
  const y = (value: number) => MARGIN.top + plotHeight - (value / max) * plotHeight;
  const every = labelEvery(categories.length, width - MARGIN.left - MARGIN.right);
  return (
    <g aria-hidden="true" className="text-[12px]">
      {ticks.map((tick) => (
        <g key={tick}>
          <line
            x1={MARGIN.left}
            x2={width - MARGIN.right}
            y1={y(tick)}
            y2={y(tick)}
            stroke={tick === 0 ? '#334155' : '#cbd5e1'}
          />
          <text x={MARGIN.left - 6} y={y(tick)} dy="0.32em" textAnchor="end" fill="#334155">
            {formatTick(tick)}
          </text>
        </g>
      ))}
      {categories.map((label, index) =>
        index % every === 0 ? (
          <text
            key={index}
            x={centres[index]}
            y={height - MARGIN.bottom + 18}
            textAnchor="middle"
            fill="#334155"
          >
            {label}
          </text>
        ) : null,
      )}
    </g>
  );
}
