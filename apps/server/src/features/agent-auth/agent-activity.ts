/** The calendar date (`YYYY-MM-DD`) at `instant` in `timeZone`: "today" for the company. */
export function localDate(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** One rule for the sign-in, the agent token check and the visibility check (see @ciao/domain). */
export { isAgentActiveOn } from '@ciao/domain';
