import { MAX_SCHEDULE_SLOTS } from '@ciao/domain';
import type { ScheduleSlotInput } from '@ciao/domain';

/** ISO weekdays, Monday first. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** One row of the schedule editor as typed: the weekday as the select holds it, times `HH:MM`. */
export interface ScheduleRow {
  /** A stable React key, so that removing a row does not shift what is typed in the others. */
  key: string;
  weekday: string;
  start: string;
  end: string;
}

let lastKey = 0;
const nextKey = () => `slot-${++lastKey}`;

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The rows of a stored schedule, in week order. */
export function scheduleToRows(slots: readonly ScheduleSlotInput[]): ScheduleRow[] {
  return [...slots]
    .sort((a, b) => a.weekday - b.weekday || a.start.localeCompare(b.start))
    .map((slot) => ({ key: nextKey(), weekday: String(slot.weekday), start: slot.start, end: slot.end }));
}

/** The schedule to send; the contract checks each slot. */
export function rowsToSchedule(rows: readonly ScheduleRow[]): ScheduleSlotInput[] {
  return rows.map((row) => ({ weekday: Number(row.weekday), start: row.start, end: row.end }));
}

/** Whether one more slot is allowed (the server keeps at most {@link MAX_SCHEDULE_SLOTS}). */
export function canAddRow(rows: readonly ScheduleRow[]): boolean {
  return rows.length < MAX_SCHEDULE_SLOTS;
}

/**
 * A new row: the day after the last row's, with the same times (a week is typed day by day with
 * the same hours), or Monday 08:00–12:00 for the first. Nothing is added past the maximum.
 * Example: after Monday 06:00–09:00 comes Tuesday 06:00–09:00; after Sunday comes Monday.
 */
export function addScheduleRow(rows: readonly ScheduleRow[]): ScheduleRow[] {
  if (!canAddRow(rows)) return [...rows];
  const last = rows.at(-1);
  const weekday = last ? (Number(last.weekday) % 7) + 1 : 1;
  return [
    ...rows,
    { key: nextKey(), weekday: String(weekday), start: last?.start ?? '08:00', end: last?.end ?? '12:00' },
  ];
}

export function removeScheduleRow(rows: readonly ScheduleRow[], key: string): ScheduleRow[] {
  return rows.filter((row) => row.key !== key);
}

export function updateScheduleRow(
  rows: readonly ScheduleRow[],
  key: string,
  change: Partial<Omit<ScheduleRow, 'key'>>,
): ScheduleRow[] {
  return rows.map((row) => (row.key === key ? { ...row, ...change } : row));
}

/**
 * Whether a slot ends the next day: an end at or before the start crosses midnight (22:00–06:00
 * ends the next morning; 06:00–06:00 lasts 24 hours), as the server reads it.
 */
export function crossesMidnight(slot: { start: string; end: string }): boolean {
  return TIME.test(slot.start) && TIME.test(slot.end) && slot.end <= slot.start;
}

/**
 * The rows that repeat an earlier one (same weekday and times), which the server refuses
 * (`DUPLICATE_SLOT`): the indexes of the repeats, the first one being fine.
 */
export function duplicateSlotIndexes(rows: readonly ScheduleRow[]): number[] {
  const seen = new Set<string>();
  const repeats: number[] = [];
  rows.forEach((row, index) => {
    const key = `${Number(row.weekday)} ${row.start} ${row.end}`;
    if (seen.has(key)) repeats.push(index);
    seen.add(key);
  });
  return repeats;
}

/** Slots with the same hours on several days, for a short summary of a schedule. */
export interface ScheduleLine {
  /** Runs of consecutive weekdays: `[[1, 5], [7, 7]]` is Monday to Friday and Sunday. */
  dayRuns: [Weekday, Weekday][];
  start: string;
  end: string;
  crossesMidnight: boolean;
}

/**
 * A schedule summed up by hours: `Mon–Fri 06:00–09:00; Sat 08:00–12:00` as data, for a list
 * column. Lines come in the order of their first day, then of their start.
 */
export function scheduleSummary(slots: readonly ScheduleSlotInput[]): ScheduleLine[] {
  const byHours = new Map<string, { start: string; end: string; days: Set<number> }>();
  for (const slot of slots) {
    const key = `${slot.start}-${slot.end}`;
    const line = byHours.get(key) ?? { start: slot.start, end: slot.end, days: new Set<number>() };
    line.days.add(slot.weekday);
    byHours.set(key, line);
  }
  const lines = [...byHours.values()].map((line) => {
    const days = [...line.days].sort((a, b) => a - b) as Weekday[];
    const dayRuns: [Weekday, Weekday][] = [];
    for (const day of days) {
      const run = dayRuns.at(-1);
      if (run && run[1] === day - 1) run[1] = day;
      else dayRuns.push([day, day]);
    }
    return { dayRuns, start: line.start, end: line.end, crossesMidnight: crossesMidnight(line) };
  });
  const firstDay = (line: ScheduleLine) => line.dayRuns[0]?.[0] ?? 0;
  return lines.sort((a, b) => firstDay(a) - firstDay(b) || a.start.localeCompare(b.start));
}
