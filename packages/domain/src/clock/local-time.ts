// Building an Intl.DateTimeFormat costs far more than using one: keep one per zone and shape.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(
  key: string,
  timeZone: string,
  options: Intl.DateTimeFormatOptions,
  locale: string,
): Intl.DateTimeFormat {
  const cacheKey = `${key}|${timeZone}`;
  let found = formatters.get(cacheKey);
  if (!found) {
    found = new Intl.DateTimeFormat(locale, { timeZone, ...options });
    formatters.set(cacheKey, found);
  }
  return found;
}

/**
 * The local calendar date (`YYYY-MM-DD`) of an instant in a time zone: the day a registration is
 * reported on. Instants are stored in UTC; Belgian days are derived with the zone.
 *
 * @example
 * localDate(new Date('2026-11-29T23:30:00Z'), 'Europe/Brussels'); // '2026-11-30'
 */
export function localDate(instant: Date, timeZone: string): string {
  const parts = formatter(
    'date',
    timeZone,
    { year: 'numeric', month: '2-digit', day: '2-digit' },
    'en-CA',
  ).formatToParts(instant);
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/**
 * The local wall-clock time (`HH:MM`) of an instant in a time zone.
 *
 * @example
 * localTime(new Date('2026-07-01T04:00:00Z'), 'Europe/Brussels'); // '06:00'
 */
export function localTime(instant: Date, timeZone: string): string {
  const parts = formatter(
    'time',
    timeZone,
    { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
    'en-GB',
  ).formatToParts(instant);
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? '';
  return `${get('hour')}:${get('minute')}`;
}

/**
 * The ISO weekday (1 = Monday … 7 = Sunday) of an instant in a time zone.
 *
 * @example
 * localWeekday(new Date('2026-11-29T12:00:00Z'), 'Europe/Brussels'); // 7 (a Sunday)
 */
export function localWeekday(instant: Date, timeZone: string): number {
  const name = formatter('weekday', timeZone, { weekday: 'short' }, 'en-US').format(instant);
  return ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(name) + 1;
}

/**
 * The instant at which a local date and wall-clock time happen in a time zone. In the hour that
 * does not exist (spring forward) it gives the instant one hour later; in the hour that happens
 * twice (fall back) the first one.
 *
 * @example
 * zonedInstant('2026-11-30', '06:00', 'Europe/Brussels').toISOString(); // '2026-11-30T05:00:00.000Z'
 */
export function zonedInstant(date: string, time: string, timeZone: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  // The zone's offset half a day before and after covers a change day: try the earlier offset's
  // reading first (the first of a doubled hour), keep the one that reads back as asked; in the
  // skipped hour of spring neither does, and the earlier offset lands one hour later.
  const offsetBefore = offsetMs(new Date(asUtc - 12 * 3_600_000), timeZone);
  const offsetAfter = offsetMs(new Date(asUtc + 12 * 3_600_000), timeZone);
  const candidates = [asUtc - offsetBefore, asUtc - offsetAfter].sort((a, b) => a - b);
  const exact = candidates.find(
    (candidate) =>
      localDate(new Date(candidate), timeZone) === date && localTime(new Date(candidate), timeZone) === time,
  );
  return new Date(exact ?? asUtc - offsetBefore);
}

function offsetMs(instant: Date, timeZone: string): number {
  const parts = formatter(
    'offset',
    timeZone,
    {
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    },
    'en-US',
  ).formatToParts(instant);
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value ?? 0);
  const local = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return local - Math.floor(instant.getTime() / 1000) * 1000;
}
