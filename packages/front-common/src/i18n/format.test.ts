import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatTime } from './format';

describe('Brussels date formatting', () => {
  it('uses UTC+1 in winter and UTC+2 in summer', () => {
    expect(formatTime(Date.UTC(2026, 0, 15, 12, 30), 'fr')).toBe('13:30');
    expect(formatTime(Date.UTC(2026, 6, 15, 12, 30), 'fr')).toBe('14:30');
  });

  it('gives the Brussels date, not the UTC one, around midnight', () => {
    expect(formatDate(Date.UTC(2026, 0, 15, 23, 30), 'de')).toBe('16.01.2026');
  });

  it('shows seconds on request', () => {
    expect(formatTime(Date.UTC(2026, 0, 15, 12, 30, 5), 'nl', { seconds: true })).toBe('13:30:05');
  });

  it('falls back to French for an unknown language', () => {
    expect(formatDateTime(Date.UTC(2026, 0, 15, 12, 30), 'es')).toBe(
      formatDateTime(Date.UTC(2026, 0, 15, 12, 30), 'fr'),
    );
  });

  it('takes the ISO instants the API sends, in Brussels time', () => {
    expect(formatDateTime('2026-07-01T12:05:00.000Z', 'nl')).toBe(
      formatDateTime(Date.UTC(2026, 6, 1, 12, 5), 'nl'),
    );
    expect(formatDate('2026-01-15T23:30:00Z', 'de')).toBe('16.01.2026');
  });
});
