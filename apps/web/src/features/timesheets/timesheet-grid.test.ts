import type { TimesheetAgent } from '@ciao/domain';
import { describe, expect, it } from 'vitest';
import { formatDuration, weekGrid } from './timesheet-grid';

const day = (date: string, workedSeconds: number, plannedSeconds: number, corrected = false) => ({
  date,
  firstArrival: null,
  lastDeparture: null,
  workedSeconds,
  breakSeconds: 0,
  breakCount: 0,
  plannedSeconds,
  sessionCount: workedSeconds > 0 ? 1 : 0,
  open: false,
  corrected,
});

describe('timesheet grid', () => {
  it('writes durations as hours and minutes', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(27_000)).toBe('7:30');
    expect(formatDuration(59)).toBe('0:01');
    expect(formatDuration(45 * 3600)).toBe('45:00');
    expect(formatDuration(900, { signed: true })).toBe('+0:15');
    expect(formatDuration(-3600, { signed: true })).toBe('−1:00');
    expect(formatDuration(10, { signed: true })).toBe('0:00');
  });

  it('puts each agent-day in its column and sums the columns', () => {
    const items: TimesheetAgent[] = [
      {
        agent: { id: 'a', identifier: 'A1', name: 'Anne' },
        days: [day('2026-11-23', 3600, 7200), day('2026-11-25', 1800, 0, true)],
        totals: { workedSeconds: 5400, breakSeconds: 0, plannedSeconds: 7200 },
      },
      {
        agent: { id: 'b', identifier: 'B1', name: 'Bert' },
        days: [day('2026-11-23', 600, 3600)],
        totals: { workedSeconds: 600, breakSeconds: 0, plannedSeconds: 3600 },
      },
    ];
    const grid = weekGrid(items, ['2026-11-23', '2026-11-24', '2026-11-25']);
    expect(grid.rows[0]!.cells.map((cell) => cell?.workedSeconds)).toEqual([3600, undefined, 1800]);
    expect(grid.rows[0]!.corrected).toBe(true);
    expect(grid.rows[1]!.corrected).toBe(false);
    expect(grid.dayTotals).toEqual([
      { workedSeconds: 4200, plannedSeconds: 10_800 },
      { workedSeconds: 0, plannedSeconds: 0 },
      { workedSeconds: 1800, plannedSeconds: 0 },
    ]);
    expect(grid.total).toEqual({ workedSeconds: 6000, plannedSeconds: 10_800 });
  });
});
