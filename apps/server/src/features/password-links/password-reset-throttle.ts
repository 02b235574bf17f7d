import { DomainError } from '@ciao/domain';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { authThrottles } from '../../db/schema/index.js';
import { sha256Hex } from '../../security/tokens.js';

/**
 * "Forgot password" requests are counted (not only failures, since every answer looks the same), in
 * the sign-in throttle's table under keys of their own: per account (the typed company and login,
 * whether or not it exists, so a refusal reveals nothing) and per IP.
 */
export const resetThrottlePolicy = {
  windowSeconds: 15 * 60,
  perAccount: 3,
  perIp: 20,
} as const;

export function resetThrottleKeys(companyCode: string, login: string, ip: string) {
  return {
    account: `reset:account:${sha256Hex(`${companyCode.trim().toUpperCase()}\u0000${login.trim().toLowerCase()}`)}`,
    ip: `reset:ip:${sha256Hex(ip)}`,
  };
}

async function count(db: Db, key: string, now: Date): Promise<{ requests: number; windowStartedAt: Date }> {
  const windowStart = new Date(now.getTime() - resetThrottlePolicy.windowSeconds * 1000);
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
    .returning({ requests: authThrottles.failures, windowStartedAt: authThrottles.windowStartedAt });
  return row!;
}

/** Counts this request, and refuses it past the account's or the IP's allowance in the window. */
export async function countResetRequest(
  db: Db,
  keys: ReturnType<typeof resetThrottleKeys>,
  now: Date,
): Promise<void> {
  const account = await count(db, keys.account, now);
  const ip = await count(db, keys.ip, now);
  const over = [
    account.requests > resetThrottlePolicy.perAccount ? account.windowStartedAt : null,
    ip.requests > resetThrottlePolicy.perIp ? ip.windowStartedAt : null,
  ].filter((start): start is Date => start !== null);
  if (over.length === 0) return;
  const until = Math.max(...over.map((start) => start.getTime() + resetThrottlePolicy.windowSeconds * 1000));
  const retryAfterSeconds = Math.max(1, Math.ceil((until - now.getTime()) / 1000));
  throw new DomainError(
    'TOO_MANY_ATTEMPTS',
    `Too many password reset requests. Wait ${Math.ceil(retryAfterSeconds / 60)} minutes before trying again.`,
    { details: { retryAfterSeconds } },
  );
}
