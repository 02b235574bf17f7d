import { describe, expect, it } from 'vitest';
import {
  nextAttemptAfterFailure,
  retryDelayMs,
  shouldPauseSubscription,
  WEBHOOK_RETRY_WINDOW_MS,
} from './webhook-retry-policy.js';

describe('webhook retry policy', () => {
  it('doubles from 30 s up to an hour, with the jitter between half and all of the step', () => {
    expect(retryDelayMs(1, () => 1)).toBe(30_000);
    expect(retryDelayMs(2, () => 1)).toBe(60_000);
    expect(retryDelayMs(3, () => 1)).toBe(120_000);
    expect(retryDelayMs(1, () => 0)).toBe(15_000);
    expect(retryDelayMs(20, () => 1)).toBe(3_600_000);
    expect(retryDelayMs(1000, () => 0)).toBe(1_800_000);
  });

  it('gives up when the next attempt would fall after the 24-hour window', () => {
    const start = new Date('2026-11-29T08:00:00Z');
    const giveUpAt = new Date(start.getTime() + WEBHOOK_RETRY_WINDOW_MS);
    expect(nextAttemptAfterFailure(1, start, giveUpAt, () => 0)).toEqual(new Date(start.getTime() + 15_000));
    const late = new Date(giveUpAt.getTime() - 60_000);
    expect(nextAttemptAfterFailure(10, late, giveUpAt, () => 0)).toBeNull();
  });

  it('keeps trying for the whole day: about thirty attempts', () => {
    const start = new Date('2026-11-29T08:00:00Z');
    const giveUpAt = new Date(start.getTime() + WEBHOOK_RETRY_WINDOW_MS);
    let attempts = 1;
    let at: Date | null = start;
    while ((at = nextAttemptAfterFailure(attempts, at, giveUpAt, () => 1))) attempts += 1;
    expect(attempts).toBeGreaterThan(25);
    expect(attempts).toBeLessThan(35);
  });

  it('pauses a subscription after 24 hours of failures only', () => {
    const now = new Date('2026-11-30T08:00:00Z');
    expect(shouldPauseSubscription(null, now)).toBe(false);
    expect(shouldPauseSubscription(new Date('2026-11-29T09:00:00Z'), now)).toBe(false);
    expect(shouldPauseSubscription(new Date('2026-11-29T08:00:00Z'), now)).toBe(true);
  });

  it('pauses when a delivery gives up and nothing succeeded since its first attempt', () => {
    const now = new Date('2026-11-30T07:30:00Z');
    const since = new Date('2026-11-29T08:00:00Z');
    expect(shouldPauseSubscription(since, now, { firstAttemptAt: since })).toBe(true);
    // A success after the delivery's first attempt restarted the streak: not every attempt failed.
    expect(shouldPauseSubscription(new Date('2026-11-29T12:00:00Z'), now, { firstAttemptAt: since })).toBe(
      false,
    );
    expect(shouldPauseSubscription(since, now, { firstAttemptAt: null })).toBe(false);
  });
});
