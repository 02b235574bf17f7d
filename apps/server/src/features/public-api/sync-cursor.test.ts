import type { DomainError } from '@ciao/domain';
import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, SYNC_OVERLAP_MS, watermarkAt } from './sync-cursor.js';

const cursor = {
  list: 'clients',
  afterMicros: '1795939200123456',
  afterId: '0b8f2c1e-5d3a-4e7b-8f9c-1a2b3c4d5e6f',
  watermark: '2026-11-29T08:00:00.000Z',
  since: null,
};

describe('sync cursor', () => {
  it('round-trips', () => {
    expect(decodeCursor(encodeCursor(cursor), 'clients')).toEqual(cursor);
    const withSince = { ...cursor, since: '2026-11-28T08:00:00.000Z' };
    expect(decodeCursor(encodeCursor(withSince), 'clients')).toEqual(withSince);
  });

  it("refuses another list's cursor, garbage and tampering", () => {
    const code = (text: string) => {
      try {
        decodeCursor(text, 'clients');
        return 'accepted';
      } catch (error) {
        return (error as DomainError).code;
      }
    };
    expect(code(encodeCursor({ ...cursor, list: 'agents' }))).toBe('CURSOR_INVALID');
    expect(code('not-a-cursor')).toBe('CURSOR_INVALID');
    expect(code(Buffer.from('[1,"clients","x"]').toString('base64url'))).toBe('CURSOR_INVALID');
    expect(code(encodeCursor({ ...cursor, afterId: "1' or 1=1" }))).toBe('CURSOR_INVALID');
    expect(code(encodeCursor({ ...cursor, afterMicros: '12.5' }))).toBe('CURSOR_INVALID');
  });

  it('sets the watermark the overlap window before the first page', () => {
    const now = new Date('2026-11-29T10:00:00.000Z');
    expect(new Date(watermarkAt(now)).getTime()).toBe(now.getTime() - SYNC_OVERLAP_MS);
  });
});
