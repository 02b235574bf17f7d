// ONSS reasons in Belgian calendar days (a declaration is active "at this date", a search period is
// a list of dates), while registrations carry UTC instants: these helpers convert between the two
// in the Europe/Brussels zone, DST included.

const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Brussels',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallTime(instant: Date): WallTime {
  const parts: Record<string, number> = {};
  for (const part of partsFormat.formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 0,
    day: parts.day ?? 0,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/** The Belgian calendar day of an instant, as numbers (the shape `parseNiss` takes for `today`). */
export function brusselsDay(instant: Date): { year: number; month: number; day: number } {
  const { year, month, day } = wallTime(instant);
  return { year, month, day };
}

/** The Belgian calendar day of an instant, as `YYYY-MM-DD`. */
export function brusselsDate(instant: Date): string {
  const { year, month, day } = brusselsDay(instant);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function offsetMs(instant: Date): number {
  const wall = wallTime(instant);
  const wallAsUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return wallAsUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/** The instant a Belgian calendar day (`YYYY-MM-DD`) starts; `null` when the text is no date. */
export function startOfBrusselsDay(date: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return null;
  const utcMidnight = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  const check = new Date(utcMidnight);
  if (check.toISOString().slice(0, 10) !== date) return null;
  // Midnight never falls in a Brussels DST gap (switches happen at 02:00 and 03:00), so the offset
  // found one step away is the offset at local midnight.
  const guess = utcMidnight - offsetMs(check);
  return new Date(utcMidnight - offsetMs(new Date(guess)));
}

/** `YYYY-MM-DD` of the day after `date` (calendar arithmetic, no zone involved). */
export function nextDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, (day ?? 1) + 1)).toISOString().slice(0, 10);
}
