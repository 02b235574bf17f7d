import { localDate, localTime } from '@ciao/domain';
import { describe, expect, it } from 'vitest';
import { localDateTime } from './export-cells.js';

describe('localDateTime', () => {
  it('agrees with the Intl formatting on every quarter hour around both DST changes of 2026', () => {
    const zone = 'Europe/Brussels';
    for (const start of ['2026-03-28T20:00:00Z', '2026-10-24T20:00:00Z', '2026-07-01T00:00:00Z']) {
      for (let quarter = 0; quarter < 4 * 14; quarter += 1) {
        const instant = new Date(Date.parse(start) + quarter * 15 * 60_000 + 7_000);
        expect(localDateTime(instant, zone)).toBe(`${localDate(instant, zone)} ${localTime(instant, zone)}`);
      }
    }
  });

  it('writes nothing for no instant', () => {
    expect(localDateTime(null, 'Europe/Brussels')).toBeNull();
  });
});
