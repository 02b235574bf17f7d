import { TIME_ZONE } from '@ciao/front-common';

const parts = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** Brussels wall-clock time minus UTC at an instant, in milliseconds (1 or 2 hours). */
function offsetAt(instant: number): number {
  const values = Object.fromEntries(parts.formatToParts(instant).map((part) => [part.type, part.value]));
  const wall = Date.UTC(
    Number(values.year),
    Number(values.month) - 1,
    Number(values.day),
    Number(values.hour),
    Number(values.minute),
    Number(values.second),
  );
  return wall - Math.floor(instant / 1000) * 1000;
}

/** The first instant of a Brussels calendar day; `dayStart('2026-03-29')` -> `2026-03-28T23:00:00.000Z`. */
export function dayStart(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  const midnightUtc = Date.UTC(year!, month! - 1, day!);
  // Twice: the offset at the guess may differ from the offset at the answer on a DST day.
  let instant = midnightUtc - offsetAt(midnightUtc);
  instant = midnightUtc - offsetAt(instant);
  return new Date(instant).toISOString();
}

/** The last millisecond of a Brussels calendar day (a period's inclusive end). */
export function dayEnd(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  const next = new Date(Date.UTC(year!, month! - 1, day! + 1)).toISOString().slice(0, 10);
  return new Date(new Date(dayStart(next)).getTime() - 1).toISOString();
}

/** The Brussels calendar date of an instant, `YYYY-MM-DD`. */
export function brusselsDate(instant: Date | string | number): string {
  const values = Object.fromEntries(
    parts.formatToParts(new Date(instant)).map((part) => [part.type, part.value]),
  );
  return `${values.year}-${values.month}-${values.day}`;
}

/** Whether a text is a real calendar date `YYYY-MM-DD` (what a date input gives). */
export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  return new Date(`${text}T00:00:00Z`).toISOString().slice(0, 10) === text;
}

/**
 * `from`/`to` instants of a period of Brussels days (the end day included), as the list routes take
 * them; a malformed date is left out, and so is the start of a period written backwards (the server
 * would refuse it). Example: `periodOfDays('2026-01-15', '')` -> `{ from: '2026-01-14T23:00:00.000Z' }`.
 */
export function periodOfDays(from: string, to: string): { from?: string; to?: string } {
  const period: { from?: string; to?: string } = {};
  if (isCalendarDate(from)) period.from = dayStart(from);
  if (isCalendarDate(to)) period.to = dayEnd(to);
  if (period.from && period.to && period.from > period.to) delete period.from;
  return period;
}
