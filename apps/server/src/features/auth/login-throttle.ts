import { DomainError } from '@ciao/domain';
import { inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { authThrottles } from '../../db/schema/index.js';
import { sha256Hex } from '../../security/tokens.js';

/**
 * Brute-force protection for both logins. Counters are kept per account (the submitted company and
 * login, whether or not such an account exists, so that answers never reveal it) and per IP:
 * - an account may fail 4 times freely, then waits 1, 2, 4, 8, 16 s between attempts, and is
 *   locked for 15 minutes at the 10th failure within 15 minutes;
 * - an IP is locked for 15 minutes after 50 failures within 15 minutes (many accounts, one attacker).
 */
export const throttlePolicy = {
  windowSeconds: 15 * 60,
  lockSeconds: 15 * 60,
  accountFreeFailures: 4,
  accountLockAfter: 10,
  ipLockAfter: 50,
} as const;

export interface ThrottleKeys {
  account: string;
  ip: string;
}

/**
 * `kind` keeps separate counters: back-office sign-in, agent-app sign-in, and agent-app activation
 * (where the "account" is the app installation, the secret guessed being the licence code).
 */
export function throttleKeys(
  kind: 'web' | 'agent' | 'activation' | 'operator' | 'password-link',
  companyCode: string,
  login: string,
  ip: string,
): ThrottleKeys {
  return {
    account: `${kind}:account:${sha256Hex(`${companyCode.trim().toUpperCase()}\u0000${login.trim().toLowerCase()}`)}`,
    ip: `${kind}:ip:${sha256Hex(ip)}`,
  };
}

/** Refuses the attempt while a key is locked or in its progressive delay. */
export async function assertNotThrottled(
  db: Db,
  keys: ThrottleKeys,
  now: Date,
  attempts: 'sign-in' | 'activation' | 'password link' = 'sign-in',
): Promise<void> {
  const rows = await db
    .select({ lockedUntil: authThrottles.lockedUntil })
    .from(authThrottles)
    .where(inArray(authThrottles.key, [keys.account, keys.ip]));
  const until = Math.max(0, ...rows.map((row) => row.lockedUntil?.getTime() ?? 0));
  if (until > now.getTime()) {
    const retryAfterSeconds = Math.ceil((until - now.getTime()) / 1000);
    throw new DomainError(
      'TOO_MANY_ATTEMPTS',
      `Too many failed ${attempts} attempts. Wait ${retryAfterSeconds} seconds before trying again.`,
      { details: { retryAfterSeconds } },
    );
  }
}

async function bump(db: Db, key: string, now: Date, delayFor: (failures: number) => number): Promise<void> {
  const windowStart = new Date(now.getTime() - throttlePolicy.windowSeconds * 1000);
  const [row] = await db
    .insert(authThrottles)
    .values({ key, failures: 1, windowStartedAt: now, updatedAt: now })
    .onConflictDoUpdate({
      target: authThrottles.key,
      set: {
        failures: sql`case when ${authThrottles.windowStartedAt} < ${windowStart} then 1 else ${authThrottles.failures} + 1 end`,
        windowStartedAt: sql`case when ${authThrottles.windowStartedAt} < ${windowStart} then ${now} else ${authThrottles.windowStartedAt} end`,
        updatedAt: now,
      },
    })
    .returning({ failures: authThrottles.failures });
  const delaySeconds = delayFor(row?.failures ?? 1);
  if (delaySeconds > 0) {
    await db
      .update(authThrottles)
      .set({ lockedUntil: new Date(now.getTime() + delaySeconds * 1000) })
      .where(sql`${authThrottles.key} = ${key}`);
  }
}

export function accountDelaySeconds(failures: number): number {
  if (failures >= throttlePolicy.accountLockAfter) return throttlePolicy.lockSeconds;
  if (failures <= throttlePolicy.accountFreeFailures) return 0;
  return 2 ** (failures - throttlePolicy.accountFreeFailures - 1);
}

export async function recordFailedAttempt(db: Db, keys: ThrottleKeys, now: Date): Promise<void> {
  await bump(db, keys.account, now, accountDelaySeconds);
  await bump(db, keys.ip, now, (failures) =>
    failures >= throttlePolicy.ipLockAfter ? throttlePolicy.lockSeconds : 0,
  );
}

/**
 * One-time password links (back-office invitations and resets, operator links) carry 256 random
 * bits, so guessing one is hopeless; still, unknown tokens are counted per IP (the "account" being
 * the IP itself: delays after 4, a 15-minute lock at 10) so that nobody can even try at scale.
 */
export function passwordLinkThrottleKeys(ip: string): ThrottleKeys {
  return throttleKeys('password-link', 'link', ip, ip);
}

/** A successful sign-in clears the account's counter (not the IP's: others may share it). */
export async function clearAccountThrottle(db: Db, keys: ThrottleKeys): Promise<void> {
  await db.delete(authThrottles).where(sql`${authThrottles.key} = ${keys.account}`);
}
