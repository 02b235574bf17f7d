import { randomBytes } from 'node:crypto';

export interface IssuedToken {
  clientId: string;
  scope: string;
  issuedAt: number;
  expiresAt: number;
}

export type TokenCheck = { ok: true; token: IssuedToken } | { ok: false; reason: 'unknown' | 'expired' };

/** Opaque bearer tokens handed out by the token endpoint. */
export class TokenStore {
  private readonly tokens = new Map<string, IssuedToken>();

  issue(clientId: string, scope: string, now: Date, lifetimeSeconds: number): string {
    const accessToken = randomBytes(32).toString('base64url');
    const issuedAt = now.getTime();
    this.tokens.set(accessToken, { clientId, scope, issuedAt, expiresAt: issuedAt + lifetimeSeconds * 1000 });
    return accessToken;
  }

  check(accessToken: string, now: Date): TokenCheck {
    const token = this.tokens.get(accessToken);
    if (!token) return { ok: false, reason: 'unknown' };
    if (now.getTime() >= token.expiresAt) return { ok: false, reason: 'expired' };
    return { ok: true, token };
  }

  /** Every token issued so far stops working now (the "expired tokens" fault). */
  expireAll(now: Date): number {
    let expired = 0;
    for (const token of this.tokens.values()) {
      if (token.expiresAt > now.getTime()) {
        token.expiresAt = now.getTime();
        expired += 1;
      }
    }
    return expired;
  }

  clear(): void {
    this.tokens.clear();
  }
}

/**
 * Assertion ids already used. RFC 7523 lets the server refuse a replayed `jti`; socsec does, so a
 * client must sign a fresh assertion for every token request. An id is remembered until the
 * assertion carrying it expires, after which the assertion itself is refused anyway.
 */
export class UsedJtis {
  private readonly used = new Map<string, number>();

  /** Records the id; `false` when it was already used and has not expired yet. */
  use(clientId: string, jti: string, expiresAt: number, now: Date): boolean {
    for (const [key, until] of this.used) if (until < now.getTime()) this.used.delete(key);
    const key = `${clientId}\u0000${jti}`;
    if (this.used.has(key)) return false;
    this.used.set(key, expiresAt);
    return true;
  }

  clear(): void {
    this.used.clear();
  }
}
