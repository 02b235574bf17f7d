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

/**
 * An agent may work (and sign in) when its record is active and `today`, the company's local date,
 * is within its optional active-from / active-until dates (both inclusive).
 */
export function isAgentActiveOn(
  agent: { active: boolean; activeFrom: string | null; activeUntil: string | null },
  today: string,
): boolean {
  if (!agent.active) return false;
  if (agent.activeFrom && today < agent.activeFrom) return false;
  if (agent.activeUntil && today > agent.activeUntil) return false;
  return true;
}
