import { describe, expect, it } from 'vitest';
import { sessionDurations } from './durations.js';
import { zonedInstant } from './local-time.js';

const brussels = 'Europe/Brussels';

describe('session durations', () => {
  it('counts work and breaks', () => {
    expect(
      sessionDurations([
        { action: 'ARRIVE', at: new Date('2026-11-30T05:00:00Z') },
        { action: 'PAUSE', at: new Date('2026-11-30T07:00:00Z') },
        { action: 'RESUME', at: new Date('2026-11-30T07:20:00Z') },
        { action: 'PAUSE', at: new Date('2026-11-30T08:00:00Z') },
        { action: 'RESUME', at: new Date('2026-11-30T08:10:00Z') },
        { action: 'LEAVE', at: new Date('2026-11-30T09:00:00Z') },
      ]),
    ).toEqual({ workedSeconds: (2 * 60 + 40 + 50) * 60, breakSeconds: 30 * 60, breakCount: 2 });
  });

  it('counts across midnight', () => {
    const totals = sessionDurations([
      { action: 'ARRIVE', at: zonedInstant('2026-11-30', '22:00', brussels) },
      { action: 'LEAVE', at: zonedInstant('2026-12-01', '06:00', brussels) },
    ]);
    expect(totals.workedSeconds).toBe(8 * 3600);
  });

  it('counts a night across the autumn change as one hour longer than the wall clock says', () => {
    // 25 October 2026: clocks go back from 03:00 to 02:00.
    const totals = sessionDurations([
      { action: 'ARRIVE', at: zonedInstant('2026-10-24', '22:00', brussels) },
      { action: 'LEAVE', at: zonedInstant('2026-10-25', '06:00', brussels) },
    ]);
    expect(totals.workedSeconds).toBe(9 * 3600);
  });

  it('counts a night across the spring change as one hour shorter than the wall clock says', () => {
    // 29 March 2026: clocks go forward from 02:00 to 03:00.
    const totals = sessionDurations([
      { action: 'ARRIVE', at: zonedInstant('2026-03-28', '22:00', brussels) },
      { action: 'PAUSE', at: zonedInstant('2026-03-29', '01:30', brussels) },
      { action: 'RESUME', at: zonedInstant('2026-03-29', '03:30', brussels) },
      { action: 'LEAVE', at: zonedInstant('2026-03-29', '06:00', brussels) },
    ]);
    expect(totals.breakSeconds).toBe(3600);
    expect(totals.workedSeconds).toBe(6 * 3600);
  });

  it('counts an open session up to a given instant', () => {
    const totals = sessionDurations(
      [
        { action: 'ARRIVE', at: new Date('2026-11-30T05:00:00Z') },
        { action: 'PAUSE', at: new Date('2026-11-30T06:00:00Z') },
      ],
      new Date('2026-11-30T06:10:00Z'),
    );
    expect(totals).toEqual({ workedSeconds: 3600, breakSeconds: 600, breakCount: 1 });
  });
});
