import { describe, expect, it } from 'vitest';
import { bandLayout, labelEvery, niceScale, stack } from './chart-scale';

describe('chart scales', () => {
  it('rounds the axis up to a round top with round ticks', () => {
    expect(niceScale(83)).toEqual({ max: 100, ticks: [0, 20, 40, 60, 80, 100] });
    expect(niceScale(1)).toEqual({ max: 1, ticks: [0, 0.2, 0.4, 0.6, 0.8, 1] });
    expect(niceScale(1234)).toEqual({ max: 1250, ticks: [0, 250, 500, 750, 1000, 1250] });
    expect(niceScale(0.9, 4)).toEqual({ max: 1, ticks: [0, 0.25, 0.5, 0.75, 1] });
  });

  it('gives an empty chart an axis instead of dividing by zero', () => {
    expect(niceScale(0)).toEqual({ max: 1, ticks: [0, 1] });
    expect(niceScale(Number.NaN)).toEqual({ max: 1, ticks: [0, 1] });
  });

  it('never puts the top below the largest value', () => {
    for (const value of [7, 19.5, 101, 2499, 40_000])
      expect(niceScale(value).max).toBeGreaterThanOrEqual(value);
  });

  it('lays bands out evenly with a gap between them', () => {
    expect(bandLayout(3, 300)).toEqual([
      { x: 10, width: 80 },
      { x: 110, width: 80 },
      { x: 210, width: 80 },
    ]);
    expect(bandLayout(0, 300)).toEqual([]);
  });

  it('stacks segments on top of each other, ignoring negative values', () => {
    expect(stack([3, 0, 2])).toEqual([
      { from: 0, to: 3 },
      { from: 3, to: 3 },
      { from: 3, to: 5 },
    ]);
    expect(stack([2, -1])).toEqual([
      { from: 0, to: 2 },
      { from: 2, to: 2 },
    ]);
  });

  it('thins the axis labels out on a narrow screen', () => {
    expect(labelEvery(4, 600)).toBe(1);
    expect(labelEvery(12, 320)).toBe(3);
  });
});
