/**
 * How many days are left to ask ONSS for a correction: 0 on the last day, negative once it passed.
 * Both are Brussels calendar dates `YYYY-MM-DD`.
 * Example: `daysLeft('2026-12-01', '2026-11-29')` -> 2.
 */
export function daysLeft(deadline: string, today: string): number {
  return Math.round((Date.parse(`${deadline}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

/** How urgent a deadline is: overdue (red), due within a week (amber), or not yet. */
export function deadlineUrgency(left: number): 'overdue' | 'soon' | 'later' {
  if (left < 0) return 'overdue';
  if (left <= 7) return 'soon';
  return 'later';
}
