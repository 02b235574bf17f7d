import type { AnomalyType } from '../clock/anomaly-rules.js';

/**
 * Correction deadlines are Belgian days: ONSS counts the 30 days in Belgium, whatever the company's
 * own time zone.
 *
 * @example
 * onssCorrectionTimeZone; // 'Europe/Brussels'
 */
export const onssCorrectionTimeZone = 'Europe/Brussels';

/**
 * The reminders of a correction request's deadline, with how many days before it each is due. ONSS
 * accepts a correction request until 30 days after the registration date; past that, a refused or
 * wrong registration stays as it is, so the manager is warned a week and two days ahead.
 *
 * @example
 * correctionReminderDays.CORRECTION_DEADLINE_2_DAYS; // 2
 */
export const correctionReminderDays = {
  CORRECTION_DEADLINE_7_DAYS: 7,
  CORRECTION_DEADLINE_2_DAYS: 2,
} as const satisfies Partial<Record<AnomalyType, number>>;

/**
 * @example
 * const type: CorrectionReminderType = 'CORRECTION_DEADLINE_7_DAYS';
 */
export type CorrectionReminderType = keyof typeof correctionReminderDays;

/**
 * Calendar days from `today` to `deadline` (both `YYYY-MM-DD`), negative once it has passed.
 *
 * @example
 * daysUntil('2026-11-28', '2026-11-21'); // 7
 */
export function daysUntil(deadline: string, today: string): number {
  return Math.round((Date.parse(`${deadline}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

/**
 * The reminder due for a correction request not yet sent to ONSS whose (earliest) deadline is
 * `deadline`, on the Belgian day `today`: the 2-day one from two days before the deadline to the
 * deadline itself, the 7-day one from seven days before until the 2-day one takes over, none
 * before, nor once the deadline has passed (nothing can be filed any more). A request filed three
 * days before its deadline therefore gets the 7-day reminder at once, one filed on the last day the
 * 2-day one.
 *
 * @example
 * correctionReminderDue('2026-11-28', '2026-11-21'); // 'CORRECTION_DEADLINE_7_DAYS'
 * correctionReminderDue('2026-11-28', '2026-11-26'); // 'CORRECTION_DEADLINE_2_DAYS'
 * correctionReminderDue('2026-11-28', '2026-11-20'); // null
 * correctionReminderDue('2026-11-28', '2026-11-29'); // null
 */
export function correctionReminderDue(deadline: string, today: string): CorrectionReminderType | null {
  const left = daysUntil(deadline, today);
  if (left < 0) return null;
  if (left <= correctionReminderDays.CORRECTION_DEADLINE_2_DAYS) return 'CORRECTION_DEADLINE_2_DAYS';
  if (left <= correctionReminderDays.CORRECTION_DEADLINE_7_DAYS) return 'CORRECTION_DEADLINE_7_DAYS';
  return null;
}
