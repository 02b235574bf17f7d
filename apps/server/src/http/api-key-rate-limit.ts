import { DomainError } from '@ciao/domain';

/** Requests an API key may make per window. */
export const API_KEY_REQUESTS_PER_MINUTE = 600;

/**
 * A fixed-window counter per API key, in this process's memory: enough for ciao's single API
 * process. Several processes behind a load balancer would each allow the limit (documented in
 * docs/api.md); a shared store would be needed then. Windows are aligned on the minute so that
 * `Retry-After` is simply the time left in the current one.
 */
export class ApiKeyRateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit = API_KEY_REQUESTS_PER_MINUTE,
    private readonly windowMs = 60_000,
  ) {}

  /** Counts one request of the key, or throws RATE_LIMITED with the seconds to wait. */
  take(keyId: string, now: Date): { limit: number; remaining: number } {
    const start = Math.floor(now.getTime() / this.windowMs) * this.windowMs;
    let window = this.windows.get(keyId);
    if (!window || window.start !== start) {
      window = { start, count: 0 };
      this.windows.set(keyId, window);
      this.forgetOldWindows(start);
    }
    if (window.count >= this.limit) {
      const retryAfterSeconds = Math.max(1, Math.ceil((start + this.windowMs - now.getTime()) / 1000));
      throw new DomainError(
        'RATE_LIMITED',
        `This API key made more than ${this.limit} requests this minute: wait ${retryAfterSeconds} s.`,
        { details: { retryAfterSeconds } },
      );
    }
    window.count += 1;
    return { limit: this.limit, remaining: this.limit - window.count };
  }

  // Keys idle since an earlier window are dropped, so the map holds only the keys of this minute.
  private forgetOldWindows(current: number) {
    if (this.windows.size < 1000) return;
    for (const [key, window] of this.windows) if (window.start !== current) this.windows.delete(key);
  }
}
