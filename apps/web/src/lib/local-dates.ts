import { TIME_ZONE } from '@ciao/front-common';

const isoDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date in Brussels at an instant, `YYYY-MM-DD`: `brusselsDate(new Date())` is "today". */
export function brusselsDate(instant: Date): string {
  return isoDay.format(instant);
}

const utcNoon = (date: string) => new Date(`${date}T12:00:00Z`);

/** A date `days` later (or earlier): `addDays('2026-11-30', 1)` -> `'2026-12-01'`. */
export function addDays(date: string, days: number): string {
  const moved = utcNoon(date);
  moved.setUTCDate(moved.getUTCDate() + days);
  return moved.toISOString().slice(0, 10);
}

/** The Monday of a date's week (weeks start on Monday in Belgium): `weekStart('2026-11-29')` -> `'2026-11-23'`. */
export function weekStart(date: string): string {
  const weekday = (utcNoon(date).getUTCDay() + 6) % 7;
  return addDays(date, -weekday);
}

/** The days from `from` to `to`, both included. */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}

/** The first and last day of a month `YYYY-MM`: `monthBounds('2026-02')` -> `['2026-02-01', '2026-02-28']`. */
export function monthBounds(month: string): [string, string] {
  const first = `${month}-01`;
  const next = utcNoon(first);
  next.setUTCMonth(next.getUTCMonth() + 1);
  return [first, addDays(next.toISOString().slice(0, 10), -1)];
}

/** Whether a text is a real `YYYY-MM-DD` date (an address bar can hold anything). */
export function isIsoDate(text: string | null | undefined): text is string {
  return !!text && /^\d{4}-\d{2}-\d{2}$/.test(text) && utcNoon(text).toISOString().slice(0, 10) === text;
}

const wallClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** An instant as a `datetime-local` input shows it in Brussels: `'2026-11-30T07:05'`. */
export function brusselsInputValue(instant: Date): string {
  const parts = Object.fromEntries(wallClock.formatToParts(instant).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/**
 * The instant of a Brussels wall-clock time typed in a `datetime-local` input
 * (`brusselsInstant('2026-11-30T07:05')` is 06:05 UTC), or undefined when it is not one.
 */
export function brusselsInstant(local: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) return undefined;
  const [, year, month, day, hour, minute] = match.map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const wanted = Date.UTC(year, month - 1, day, hour, minute);
  // Brussels is UTC+1 or +2: correct a first guess by the difference between what it shows and what was typed.
  let guess = wanted - 3_600_000;
  for (let round = 0; round < 2; round += 1) {
    const shown = brusselsInputValue(new Date(guess));
    const shownUtc = Date.parse(`${shown}:00Z`);
    guess += wanted - shownUtc;
  }
  return new Date(guess);
}
