import { describe, expect, it } from 'vitest';
import { correctionReminderDue, daysUntil } from './correction-reminders.js';

describe('correction request deadline reminders', () => {
  it('counts calendar days, across a daylight-saving change and a year end', () => {
    expect(daysUntil('2026-10-26', '2026-10-24')).toBe(2);
    expect(daysUntil('2027-01-02', '2026-12-26')).toBe(7);
    expect(daysUntil('2026-11-28', '2026-11-29')).toBe(-1);
  });

  it('is due 7 days before, then 2 days before until the deadline day, never after it', () => {
    const due = (today: string) => correctionReminderDue('2026-11-28', today);
    expect(due('2026-11-20')).toBeNull();
    expect(due('2026-11-21')).toBe('CORRECTION_DEADLINE_7_DAYS');
    expect(due('2026-11-25')).toBe('CORRECTION_DEADLINE_7_DAYS');
    expect(due('2026-11-26')).toBe('CORRECTION_DEADLINE_2_DAYS');
    expect(due('2026-11-28')).toBe('CORRECTION_DEADLINE_2_DAYS');
    expect(due('2026-11-29')).toBeNull();
  });
});
