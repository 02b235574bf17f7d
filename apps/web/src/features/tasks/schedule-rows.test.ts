import { MAX_SCHEDULE_SLOTS, weeklySchedule } from '@ciao/domain';
import { describe, expect, it } from 'vitest';
import {
  addScheduleRow,
  canAddRow,
  crossesMidnight,
  duplicateSlotIndexes,
  removeScheduleRow,
  rowsToSchedule,
  scheduleSummary,
  scheduleToRows,
  updateScheduleRow,
} from './schedule-rows';

describe('the schedule rows', () => {
  it('reads a stored schedule in week order and gives it back as the contract wants it', () => {
    const rows = scheduleToRows([
      { weekday: 3, start: '06:00', end: '09:00' },
      { weekday: 1, start: '18:00', end: '21:00' },
      { weekday: 1, start: '06:00', end: '09:00' },
    ]);
    expect(rows.map((row) => `${row.weekday} ${row.start}`)).toEqual(['1 06:00', '1 18:00', '3 06:00']);
    expect(new Set(rows.map((row) => row.key)).size).toBe(3);
    expect(weeklySchedule.parse(rowsToSchedule(rows))[0]).toEqual({
      weekday: 1,
      start: '06:00',
      end: '09:00',
    });
  });

  it('adds the next day with the same hours, Monday after Sunday', () => {
    let rows = addScheduleRow([]);
    expect(rows).toMatchObject([{ weekday: '1', start: '08:00', end: '12:00' }]);
    rows = updateScheduleRow(rows, rows[0]!.key, { weekday: '7', start: '22:00', end: '06:00' });
    rows = addScheduleRow(rows);
    expect(rows[1]).toMatchObject({ weekday: '1', start: '22:00', end: '06:00' });
    expect(removeScheduleRow(rows, rows[0]!.key)).toEqual([rows[1]]);
  });

  it('stops at the most slots the server keeps', () => {
    let rows = scheduleToRows([]);
    for (let index = 0; index < MAX_SCHEDULE_SLOTS + 3; index += 1) rows = addScheduleRow(rows);
    expect(rows).toHaveLength(MAX_SCHEDULE_SLOTS);
    expect(canAddRow(rows)).toBe(false);
    expect(canAddRow(rows.slice(1))).toBe(true);
  });

  it('says that an end at or before the start crosses midnight', () => {
    expect(crossesMidnight({ start: '22:00', end: '06:00' })).toBe(true);
    expect(crossesMidnight({ start: '06:00', end: '06:00' })).toBe(true);
    expect(crossesMidnight({ start: '06:00', end: '09:00' })).toBe(false);
    // Half-typed times say nothing yet.
    expect(crossesMidnight({ start: '22:00', end: '' })).toBe(false);
  });

  it('finds the slots given twice, the first one being fine', () => {
    const rows = scheduleToRows([
      { weekday: 1, start: '06:00', end: '09:00' },
      { weekday: 1, start: '06:00', end: '10:00' },
      { weekday: 2, start: '06:00', end: '09:00' },
    ]);
    expect(duplicateSlotIndexes(rows)).toEqual([]);
    const repeated = [...rows, { ...rows[0]!, key: 'again' }, { ...rows[0]!, key: 'thrice' }];
    expect(duplicateSlotIndexes(repeated)).toEqual([3, 4]);
  });
});

describe('scheduleSummary', () => {
  it('groups the days with the same hours into runs', () => {
    const weekdays = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '06:30', end: '10:30' }));
    expect(
      scheduleSummary([
        { weekday: 6, start: '08:00', end: '12:00' },
        ...weekdays,
        { weekday: 7, start: '06:30', end: '10:30' },
        { weekday: 3, start: '22:00', end: '06:00' },
      ]),
    ).toEqual([
      {
        dayRuns: [
          [1, 5],
          [7, 7],
        ],
        start: '06:30',
        end: '10:30',
        crossesMidnight: false,
      },
      { dayRuns: [[3, 3]], start: '22:00', end: '06:00', crossesMidnight: true },
      { dayRuns: [[6, 6]], start: '08:00', end: '12:00', crossesMidnight: false },
    ]);
    expect(
      scheduleSummary([1, 2, 4, 7].map((weekday) => ({ weekday, start: '06:00', end: '09:00' }))),
    ).toMatchObject([
      {
        dayRuns: [
          [1, 2],
          [4, 4],
          [7, 7],
        ],
      },
    ]);
    expect(scheduleSummary([])).toEqual([]);
  });
});
