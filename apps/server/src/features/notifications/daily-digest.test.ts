import { describe, expect, it } from 'vitest';
import { buildDailyDigest, type DigestFigures } from './daily-digest.js';

const figures: DigestFigures = {
  registrations: [
    { siteId: 'louise', count: 12 },
    { siteId: 'midi', count: 5 },
  ],
  openAnomalies: [
    { siteId: 'louise', type: 'NO_SHOW', count: 1 },
    { siteId: 'midi', type: 'NO_SHOW', count: 2 },
    { siteId: 'louise', type: 'MISSED_DEPARTURE', count: 3 },
    { siteId: null, type: 'ONSS_NOT_CONFIRMED', count: 4 },
  ],
  onssStatuses: [
    { siteId: 'louise', status: 'validated', count: 9 },
    { siteId: 'louise', status: 'refused', count: 2 },
    { siteId: 'midi', status: 'refused', count: 1 },
    { siteId: 'midi', status: 'send_failing', count: 1 },
    { siteId: 'louise', status: 'to_send', count: 1 },
    { siteId: 'louise', status: 'registered', count: 1 },
  ],
};

describe('the daily compliance digest', () => {
  it('sums every site for the whole company, anomalies by type, most frequent first', () => {
    expect(buildDailyDigest('2026-03-09', figures, () => true)).toEqual({
      date: '2026-03-09',
      registrations: 17,
      openAnomalies: [
        { type: 'ONSS_NOT_CONFIRMED', count: 4 },
        { type: 'MISSED_DEPARTURE', count: 3 },
        { type: 'NO_SHOW', count: 3 },
      ],
      onssRefused: 3,
      onssLate: 2,
    });
  });

  it('keeps only the sites of the scope (a siteless anomaly belongs to no site)', () => {
    expect(buildDailyDigest('2026-03-09', figures, (siteId) => siteId === 'midi')).toEqual({
      date: '2026-03-09',
      registrations: 5,
      openAnomalies: [{ type: 'NO_SHOW', count: 2 }],
      onssRefused: 1,
      onssLate: 1,
    });
  });

  it('says zero rather than nothing for a quiet day', () => {
    expect(buildDailyDigest('2026-03-09', figures, () => false)).toEqual({
      date: '2026-03-09',
      registrations: 0,
      openAnomalies: [],
      onssRefused: 0,
      onssLate: 0,
    });
  });
});
