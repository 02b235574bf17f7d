import { Axes, MARGIN } from './axes';
import { bandLayout, niceScale } from './chart-scale';
import { useChartMarks, type ChartMark } from './chart-marks';
import { useChartWidth } from './use-chart-width';

/**
 * A weekly line (e.g. a share from 0 to 1) drawn in SVG by hand; weeks without a value leave a gap.
 * Every point is a link to the list behind it.
 */
export function LineChart({
  label,
  categories,
  values,
  fixedMax,
  formatTick,
  nameOf,
  hrefOf,
  height = 260,
}: {
  label: string;
  categories: readonly string[];
  values: readonly (number | null)[];
  /** The axis top when it is fixed (1 for a share), else from the values. */
  fixedMax?: number;
  formatTick: (value: number) => string;
  nameOf: (category: number) => string;
  hrefOf: (category: number) => string;
  height?: number;
}) {
  const { ref, width } = useChartWidth();
  const plotHeight = height - MARGIN.top - MARGIN.bottom;
  const scale = fixedMax
    ? { max: fixedMax, ticks: niceScale(fixedMax, 4).ticks }
    : niceScale(Math.max(0, ...values.map((value) => value ?? 0)));
  const y = (value: number) => MARGIN.top + plotHeight - (value / scale.max) * plotHeight;
  const centres = bandLayout(categories.length, width - MARGIN.left - MARGIN.right).map(
    (band) => MARGIN.left + band.x + band.width / 2,
  );

  const marks: ChartMark[] = [];
  const runs: string[][] = [[]];
  values.forEach((value, index) => {
    if (value === null) {
      runs.push([]);
      return;
    }
    const cx = centres[index]!;
    const cy = y(value);
    runs.at(-1)!.push(`${cx},${cy}`);
    marks.push({
      x: cx - 7,
      y: cy - 7,
      width: 14,
      height: 14,
      name: nameOf(index),
      href: hrefOf(index),
      shape: (
        <>
          {/* A larger invisible target than the dot: easier to hit with a finger. */}
          <circle cx={cx} cy={cy} r="14" fill="transparent" />
          <circle cx={cx} cy={cy} r="5" fill="#0072B2" stroke="white" strokeWidth="2" />
        </>
      ),
    });
  });
  const { links, ring, tooltip } = useChartMarks(marks, width);

  return (
    <div ref={ref} className="relative w-full">
      <svg width={width} height={height} role="group" aria-label={label} className="block overflow-visible">
        <Axes
          width={width}
          height={height}
          ticks={scale.ticks}
          max={scale.max}
          formatTick={formatTick}
          categories={categories}
          centres={centres}
        />
        <g aria-hidden="true" pointerEvents="none">
          {runs
            .filter((run) => run.length > 1)
            .map((run, index) => (
              <polyline key={index} points={run.join(' ')} fill="none" stroke="#0072B2" strokeWidth="3" />
            ))}
        </g>
        {links}
        {ring}
      </svg>
      {tooltip}
    </div>
  );
}
