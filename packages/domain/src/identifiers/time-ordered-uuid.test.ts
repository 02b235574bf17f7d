import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { clockEventInput } from '../contracts/clock.js';
import { timeOrderedUuid } from './time-ordered-uuid.js';

describe('timeOrderedUuid', () => {
  it('is a version-7 UUID carrying its millisecond in the first 48 bits', () => {
    const at = Date.parse('2026-11-30T08:00:00.123Z');
    const id = timeOrderedUuid(at);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Number.parseInt(id.replaceAll('-', '').slice(0, 12), 16)).toBe(at);
    expect(z.uuid().safeParse(id).success).toBe(true);
  });

  it('sorts in time order, whatever its random bits', () => {
    const maxRandom = (bytes: Uint8Array) => bytes.fill(0xff);
    const minRandom = (bytes: Uint8Array) => bytes.fill(0x00);
    const earlier = timeOrderedUuid(1_000_000, maxRandom);
    const later = timeOrderedUuid(1_000_001, minRandom);
    expect(earlier < later).toBe(true);
    const made = Array.from({ length: 100 }, (_, index) => timeOrderedUuid(1_764_489_600_000 + index * 7));
    expect([...made].sort()).toEqual(made);
  });

  it('differs at each call within one millisecond', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => timeOrderedUuid(1_764_489_600_000)));
    expect(ids.size).toBe(1000);
  });

  it('is accepted as a registration id by the agent app contract', () => {
    const registration = {
      id: timeOrderedUuid(),
      taskId: '3f1c2b4a-5d6e-4f70-8a9b-0c1d2e3f4a5b',
      action: 'ARRIVE',
      deviceTime: new Date().toISOString(),
      position: { latitude: 50.85, longitude: 4.35, accuracyMeters: 10 },
    };
    expect(clockEventInput.safeParse(registration).success).toBe(true);
  });
});
