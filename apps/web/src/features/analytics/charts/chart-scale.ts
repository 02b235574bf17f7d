/**
 * A "nice" axis for values from 0 to `max`: a top that is 1, 2, 2.5 or 5 times a power of ten, and
 * evenly spaced ticks up to it (about `count` of them), so the gridlines read as round numbers.
 * An empty chart (max 0) still gets an axis.
 *
 * @example niceScale(83) // { max: 100, ticks: [0, 20, 40, 60, 80, 100] }
 */
export function niceScale(max: number, count = 5): { max: number; ticks: number[] } {
  if (!(max > 0) || !Number.isFinite(max)) return { max: 1, ticks: [0, 1] };
  const rough = max / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= rough)!;
  const top = Math.ceil(max / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let tick = 0; tick <= top + step / 2; tick += step) ticks.push(Number(tick.toPrecision(12)));
  return { max: top, ticks };
}

/**
 * Where each category's band sits on a horizontal axis of `width`: its start and width, with a gap
 * between bands (a fraction of the step) so that neighbouring weeks stay apart.
 *
 * @example bandLayout(3, 300) // [{ x: 10, width: 80 }, { x: 110, width: 80 }, { x: 210, width: 80 }]
 */
export function bandLayout(count: number, width: number, gap = 0.2): { x: number; width: number }[] {
  if (count <= 0) return [];
  const step = width / count;
  const band = step * (1 - gap);
  return Array.from({ length: count }, (_, index) => ({ x: index * step + (step - band) / 2, width: band }));
}

/**
 * The stacked segments of one category: each series' bottom and top in value units, in series order.
 *
 * @example stack([3, 0, 2]) // [{ from: 0, to: 3 }, { from: 3, to: 3 }, { from: 3, to: 5 }]
 */
export function stack(values: readonly number[]): { from: number; to: number }[] {
  let base = 0;
  return values.map((value) => {
    const segment = { from: base, to: base + Math.max(0, value) };
    base = segment.to;
    return segment;
  });
}

/** How many category labels fit: every n-th label is shown when the axis is narrow. */
export function labelEvery(count: number, width: number, labelWidth = 56): number {
  if (count <= 0) return 1;
  return Math.max(1, Math.ceil((count * labelWidth) / Math.max(width, 1)));
}
