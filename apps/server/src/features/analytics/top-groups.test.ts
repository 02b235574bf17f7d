import { describe, expect, it } from 'vitest';
import { topGroups, type WeeklyFigure } from './top-groups.js';

const weeks = ['2026-11-02', '2026-11-09'];
const figure = (week: string, id: string, seconds: number): WeeklyFigure => ({
  week,
  id,
  name: id.toUpperCase(),
  seconds,
});

describe('topGroups', () => {
  it('spreads each group over the weeks, biggest total first, weeks without data at zero', () => {
    const groups = topGroups(
      [figure(weeks[0]!, 'a', 100), figure(weeks[1]!, 'b', 300), figure(weeks[1]!, 'a', 50)],
      weeks,
      5,
    );
    expect(groups).toEqual([
      { id: 'b', name: 'B', others: false, totalSeconds: 300, seconds: [0, 300] },
      { id: 'a', name: 'A', others: false, totalSeconds: 150, seconds: [100, 50] },
    ]);
  });

  it('names the top N and adds the rest up as others, week by week', () => {
    const figures = [
      figure(weeks[0]!, 'a', 500),
      figure(weeks[0]!, 'b', 400),
      figure(weeks[0]!, 'c', 30),
      figure(weeks[1]!, 'd', 20),
      figure(weeks[1]!, 'c', 5),
    ];
    const groups = topGroups(figures, weeks, 2);
    expect(groups.map((group) => group.id)).toEqual(['a', 'b', null]);
    expect(groups[2]).toEqual({ id: null, name: '', others: true, totalSeconds: 55, seconds: [30, 25] });
    const sum = (list: typeof groups) => list.reduce((total, group) => total + group.totalSeconds, 0);
    expect(sum(groups)).toBe(955);
  });

  it('keeps a single remaining group under its own name rather than calling it others', () => {
    const groups = topGroups(
      [figure(weeks[0]!, 'a', 3), figure(weeks[0]!, 'b', 2), figure(weeks[0]!, 'c', 1)],
      weeks,
      2,
    );
    expect(groups.map((group) => group.name)).toEqual(['A', 'B', 'C']);
  });

  it('orders equal totals by name, so the colours do not swap between two loads', () => {
    const groups = topGroups([figure(weeks[0]!, 'b', 10), figure(weeks[0]!, 'a', 10)], weeks, 5);
    expect(groups.map((group) => group.id)).toEqual(['a', 'b']);
  });

  it('ignores figures outside the weeks of the chart', () => {
    expect(topGroups([figure('2026-10-26', 'a', 10)], weeks, 5)).toEqual([]);
  });
});
